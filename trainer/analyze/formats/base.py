"""The protocol every log format implements, and the capabilities it declares.

A format is one class in one module of this package. Parsing is four methods:

    score(line) -> int        (classmethod) how strongly one cleaned line looks like this
                              format; detection sums it over the first lines of a log
    feed(line, sink) -> bool  turn one cleaned line into records on the sink (parse.Sink);
                              False when the line is not one of this format's lines
    finish(sink)              the input has ended: flush anything still pending
    read(stream, sink, feed_line)
                              optional fast path: read the whole stream, calling
                              feed_line(raw) for each line it does not handle in bulk;
                              the default reads line by line

and two for a line cut short (a copy taken mid-write, a job killed mid-line):

    looks_cut(text) -> bool   whether a cut-off fragment is the start of a record line
    partial(text)             (step, loss_text) when the fragment still shows a complete
                              loss value, so a NaN on a cut line is not lost; else None

What a format's numbers *mean* is declared as class attributes, so facts.py and the
rules never test a format by name:

    name, title               registry key (--format-hint) and the name readers know it by
    fallback                  chosen only when no other format matches a line
    eval_train                how an eval's val compares with train: 'eval_mode' (the eval
                              line's own train loss, same mode), 'train_step' (the training
                              loss logged at that step, train mode), None (not comparable:
                              other units)
    eval_train_where          catalog key naming that train loss ('step', 'eval_record', 'train_step')
    eval_metric               'loss' (nats per token, comparable with ln V) or 'bpb' (bits per byte)
    eval_noise_from_iters     an eval averages eval_iters batches like the ones the iteration
                              line shows, so its noise is sigma_iter / sqrt(eval_iters)
    iter_time_includes_eval   an iteration that ran an eval reports the eval in its time
    first_step                the first step number a freshly started process logs
    max_steps_from            'config' (max_iters of the config; the run logs 0..max_iters) or
                              'header' (the total the log prints, e.g. `step N/T`)
    mfu_reference             (GPU name, peak FLOP/s) that the printed MFU divides by whatever
                              GPU ran it, or None when it is the running device's own peak
    mfu_sentinel              a printed MFU value that is not a measurement, or None
    mfu_sentinel_meaning      'warmup' (no estimate yet) or 'unknown_device' (no peak known)
    mfu_running_average       the printed MFU is a running average (it dips after a slow step)
    compiles                  True/False when the trainer always/never compiles at its first
                              step, None when the config or the log says
    lr_printed                'value' (the learning rate itself) or 'multiplier' (a factor of the
                              peak learning rate, as nanochat's lrm)
"""


class LogFormat:
    """Base class of every format: the parsing protocol and the capability defaults (module docstring)."""
    name = ""
    title = ""
    fallback = False
    eval_train = "train_step"
    eval_train_where = "train_step"
    eval_metric = "loss"
    eval_noise_from_iters = False
    iter_time_includes_eval = False
    first_step = 0
    max_steps_from = "header"
    mfu_reference = None
    mfu_sentinel = None
    mfu_sentinel_meaning = None
    mfu_running_average = False
    compiles = None
    lr_printed = "value"
    RECORD_PREFIXES = ()  # how this format's record lines start (for looks_cut)

    @classmethod
    def score(cls, line):
        """Points for one cleaned line: 3 for a record line, 1 for a header line, else 0."""
        return 0

    def feed(self, line, sink):
        """Records for one cleaned line; False when the line is not this format's."""
        return False

    def finish(self, sink):
        """End of input."""

    def read(self, stream, sink, feed_line):
        """Read the stream line by line; returns (lines read, last raw line, whether it was a record)."""
        line_no, raw, ok = 0, "", False
        for raw in stream:
            line_no += 1
            sink.line_no = line_no
            ok = feed_line(raw)
        return line_no, raw, ok

    @classmethod
    def looks_cut(cls, text):
        """Whether a fragment left by a cut is the beginning of one of this format's record lines."""
        return text[:1].isdigit() or any(text.startswith(p) or p.startswith(text) for p in cls.RECORD_PREFIXES)

    def partial(self, text):
        """(step, loss text) from a cut-off record line whose loss value is complete, else None."""
        return None
