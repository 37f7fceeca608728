"""nanoGPT's train.py console log (research notes section 1.2), and our trainer's, which prints the same lines.

    iter N: loss X, time Yms, mfu Z%          train mode, last micro-batch; mfu against the A100
    iter N: loss X, time Yms                  the same line before mfu was printed (early 2023)
    step N: train loss X, val loss Y          estimate_loss(), eval mode for both splits
    tokens per iteration will be: N           once per process (a new run starts here)
    Overriding config with FILE: + its text   read line by line (config_echo.py), never executed

Forks add fields (`lr 3.0e-04`, `tok/s 172,262`, `train perplexity 2.978`); any line of
named fields with a loss is read. Clean iter lines, nearly all of a long log, are read in
bulk by read(): a regex checks a whole block and numpy parses its numbers.
"""
import math
import re
import warnings

from trainer.analyze.formats.base import LogFormat
from trainer.analyze.formats.config_echo import ConfigEcho
from trainer.analyze.lines import NUM, int_headers, literal, loss_before_cut, num, set_config, split_fields
from trainer.hardware import A100_BF16_PEAK

NAN = float("nan")
CHUNK = 1 << 20
NOT_ITER = re.compile(r"\n(?!iter )")
# blocks of clean iter lines, with and without the mfu part; numpy then reads their numbers
BULK = {4: re.compile(r"(?:iter \d+: loss [-+.\w]+, time [-+.\w]+ms, mfu [-+.\w]+%[ \t]*\n)+", re.ASCII),
        3: re.compile(r"(?:iter \d+: loss [-+.\w]+, time [-+.\w]+ms[ \t]*\n)+", re.ASCII)}
_NUMBER_BYTES = bytes(c if c in b"0123456789.-\n" else 32 for c in range(256))


class NanoGPT(LogFormat):
    """nanoGPT's train.py console, and forks that print more fields (module docstring)."""
    name = "nanogpt"
    title = "nanoGPT"
    eval_train = "eval_mode"
    eval_train_where = "step"
    eval_noise_from_iters = True
    iter_time_includes_eval = True   # train.py L249-333: the eval runs at the top of the iteration it belongs to
    first_step = 0
    max_steps_from = "config"
    mfu_reference = ("A100", A100_BF16_PEAK)  # model.py estimate_mfu: flops_promised = 312e12
    mfu_sentinel = -100.0                     # running_mfu starts at -1.0 until local_iter_num 5
    mfu_sentinel_meaning = "warmup"
    mfu_running_average = True
    RECORD_PREFIXES = ("iter ", "step ", "tokens per iteration", "number of parameters")

    ITER = re.compile(rf"iter (\d+): loss ({NUM}), time ({NUM})ms(?:, mfu ({NUM})%)?$")
    STEP = re.compile(rf"step (\d+): train loss ({NUM}), val loss ({NUM})$")
    HEAD = re.compile(r"(iter|step) (\d+):\s*(.*)$")
    TOKENS = re.compile(r"tokens per iteration will be: ([\d,]+)")
    PARAMS = re.compile(rf"number of parameters: ({NUM})M")
    VOCAB = re.compile(r"found vocab_size = (\d+)")
    OVERRIDE_FILE = re.compile(r"Overriding config with (.+?):$")
    OVERRIDE_KEY = re.compile(r"Overriding: (\w+) = (.*)$")
    GPT2 = re.compile(r"Initializing from OpenAI GPT-2 weights: (\S+)")
    KNOWN = re.compile(
        r"(Initializing a new model from scratch|defaulting to vocab_size|Resuming training from"
        r"|loading weights from pretrained gpt|forcing vocab_size|overriding dropout rate|num (?:non-)?decayed parameter"
        r"|using fused AdamW|compiling the model|saving checkpoint to|WARNING: using slow attention)"
    )
    # our trainer's one-line errors (trainer/train.py), e.g. `error: loss is nan at iter 120; stopped ...`
    NONFINITE = re.compile(r"error: (?:eval )?loss is (\S+?)\b.*? at iter (\d+)")

    def __init__(self):
        self.echo = None  # the config file being echoed after `Overriding config with FILE:`

    @classmethod
    def score(cls, line):
        m = cls.HEAD.match(line)
        if m and ("loss" in m[3]):
            return 3
        if cls.TOKENS.match(line) or cls.PARAMS.match(line) or cls.OVERRIDE_FILE.match(line) or cls.VOCAB.match(line):
            return 1
        return 0

    def feed(self, line, sink):
        if self.echo is not None:
            if not (self.HEAD.match(line) or self.TOKENS.match(line) or self.OVERRIDE_KEY.match(line)) \
                    and self.echo.feed(line, sink, set_config):
                return True
            self.echo = None
        m = self.ITER.match(line)
        if m:
            mfu = NAN if m[4] is None else num(m[4])
            sink.record_iter(int(m[1]), num(m[2]), num(m[3]), mfu, loss_text=m[2])
            return True
        m = self.STEP.match(line)
        if m:
            sink.record_eval(int(m[1]), num(m[2]), num(m[3]))
            return True
        m = self.HEAD.match(line) or (self.HEAD.search(line) if ("iter " in line or "step " in line) else None)
        if m and self._fields(m, sink):
            return True
        return self._header(line, sink)

    def _fields(self, m, sink):
        """An iter or step line with extra, missing or reordered fields."""
        found, bad, _ = split_fields(m[3], ",")
        if bad:
            return False
        step = int(m[2])
        if m[1] == "iter":
            loss, time, mfu = found.get("loss"), found.get("time"), found.get("mfu")
            if loss is None or time is None or time[2] != "ms" or (mfu and mfu[2] != "%"):
                return False  # nanoGPT and its forks always print the time: a line without it is cut
            lr = found.get("lr") or found.get("learning rate")
            sink.record_iter(step, loss[0], time[0], mfu[0] if mfu else NAN,
                             lr=lr[0] if lr else None, loss_text=loss[1])
            return True
        val, train = found.get("val loss"), found.get("train loss")
        if val is None:
            return False
        sink.record_eval(step, train[0] if train else NAN, val[0], train_printed=train is not None)
        return True

    def _header(self, line, sink):
        m = self.TOKENS.match(line)
        if m:
            sink.header("tokens_per_iter", int(m[1].replace(",", "")), new_run="tokens_per_iter")
            return True
        m = self.OVERRIDE_FILE.match(line)
        if m:
            sink.header("config_file", m[1], new_run="config_file")
            self.echo = ConfigEcho()
            return True
        m = self.OVERRIDE_KEY.match(line)
        if m:
            set_config(sink, m[1], literal(m[2]), raw=m[2])
            return True
        m = self.PARAMS.match(line)
        if m:
            value = num(m[1])
            if math.isfinite(value) and value >= 0:
                sink.header("n_params_m", value)
            return True
        if int_headers(line, sink, ((self.VOCAB, "vocab_size"),)):
            return True
        m = self.GPT2.match(line)
        if m:
            sink.header("init_from", m[1])
            return True
        m = self.NONFINITE.match(line)
        if m:
            sink.note_nonfinite(int(m[2]), m[1])
            sink.run.add_event("exception", line)
            return True
        m = self.KNOWN.match(line)
        if m:
            self._known(m[1], sink)
            return True
        return False

    @staticmethod
    def _known(word, sink):
        if word.startswith("Resuming"):
            sink.header("init_from", "resume")
            sink.mark_resume()
        elif word.startswith("compiling"):
            sink.header("compile", True)
        elif word.startswith("Initializing a new"):
            sink.header("init_from", "scratch")
        elif word.startswith("defaulting"):
            sink.header("vocab_size", 50304)

    def partial(self, text):
        m = self.HEAD.match(text)
        loss = loss_before_cut(m[3], ",") if m and m[1] == "iter" else None
        return (int(m[2]), loss) if loss else None

    # -- the fast path ------------------------------------------------------------------------
    def read(self, stream, sink, feed_line):
        """Read 1 MB chunks, cut them at the few lines that are not `iter` lines (one regex scan
        for newlines not followed by `iter `) and parse each block of iter lines in bulk.
        Everything else goes to feed_line."""
        line_no, last, ok = 0, "", False
        while True:
            chunk = stream.read(CHUNK)
            if not chunk:
                break
            if not chunk.endswith("\n"):
                chunk += stream.readline()  # finish the chunk's last line
            starts = [] if chunk.startswith("iter ") else [0]
            starts += [m.end() for m in NOT_ITER.finditer(chunk) if m.end() < len(chunk)]
            pos = 0
            for s in starts + [len(chunk)]:
                if s > pos:  # chunk[pos:s] holds only `iter ` lines
                    line_no, last, ok = self._iter_block(chunk[pos:s], line_no, sink, feed_line)
                if s == len(chunk):
                    break
                e = chunk.find("\n", s)
                e = len(chunk) if e < 0 else e + 1
                last = chunk[s:e]
                line_no += 1
                sink.line_no = line_no
                ok = feed_line(last)
                pos = e
        return line_no, last, ok

    def _iter_block(self, block, line_no, sink, feed_line):
        """A block of consecutive raw `iter ` lines: in bulk when clean, else line by line."""
        tail = ""
        if not block.endswith("\n"):  # the file's last line, maybe cut off: judge it alone
            cut = block.rfind("\n") + 1
            block, tail = block[:cut], block[cut:]
        last, ok = "", True
        if block:
            n = block.count("\n")
            if _bulk_iters(block, n, sink):
                last = block[block.rfind("\n", 0, len(block) - 1) + 1:]
                line_no += n
            else:
                for line in block.splitlines(True):
                    line_no += 1
                    sink.line_no = line_no
                    last, ok = line, feed_line(line)
        if tail:
            line_no += 1
            sink.line_no = line_no
            last, ok = tail, feed_line(tail)
        return line_no, last, ok


def _bulk_iters(block, n, sink):
    """The hot path: n clean iter lines that continue the current run.

    One regex check of the whole block, then numpy reads the numbers in C instead of
    per-line Python work; this keeps a 600,000-iteration log near a second. Any
    surprise (a line that does not match, a non-finite loss, numbering that goes
    backwards, a pending resume) returns False and the block is parsed line by line.
    """
    run = sink.run
    if run.lr is not None or run.grad_norm is not None or sink.resume_pending:
        return False
    width = 4 if BULK[4].fullmatch(block) else (3 if BULK[3].fullmatch(block) else 0)
    if not width:
        return False
    import numpy as np
    # blank out everything but digits, '.', '-' and newlines: each line leaves exactly its
    # numbers (nan, inf or an exponent leave a different count and take the slow path)
    numbers = block.encode("ascii").translate(_NUMBER_BYTES)
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("error")
            values = np.fromstring(numbers, sep=" ")
    except (ValueError, DeprecationWarning):
        return False
    if values.size != width * n:
        return False
    values = values.reshape(n, width)
    its = values[:, 0]
    if not (np.isfinite(values).all() and (its == np.round(its)).all() and its[0] >= sink.next_iter
            and (n == 1 or (np.diff(its) > 0).all()) and its[-1] < 2 ** 53):  # floats hold such ints exactly
        return False
    run.iters.frombytes(its.astype(np.int64).tobytes())
    run.loss.frombytes(np.ascontiguousarray(values[:, 1]).tobytes())
    run.time_ms.frombytes(np.ascontiguousarray(values[:, 2]).tobytes())
    mfu = values[:, 3] if width == 4 else np.full(n, np.nan)
    run.mfu.frombytes(np.ascontiguousarray(mfu).tobytes())
    sink.bulk_advance(int(its[-1]), n)
    return True
