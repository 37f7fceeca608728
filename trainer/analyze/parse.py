"""Read a training log in one streaming pass: refuse what is not a log, detect the
format, split concatenated runs, join resumed ones, and collect records into compact `Run`s.

This module knows no format by name: formats/ holds them, each behind the protocol of
formats/base.py, and the registry (formats.FORMATS) is all detection looks at.

Memory stays flat in the file size: lines are read one at a time and only numbers
are kept (see records.py). The one exception is stdin, which is read into memory
first because detection needs a second pass.

A new run starts at a header line that appears once per process (nanoGPT's
`Overriding config with`, `tokens per iteration will be:`, a metrics.jsonl config
record) once the current run has records, and wherever the numbering goes
backwards (a restart). A process that says it resumes from a checkpoint
(init_from = 'resume') continues the run before it instead: what the first
process logged from the resume step on is replaced by what the second logs.
"""
import io
import sys

from trainer.analyze.events import MIDLINE, EventWatch
from trainer.analyze.formats import FORMATS, not_a_log_message
from trainer.analyze.lines import clean
from trainer.analyze.records import AnalyzeError, Run

SNIFF_BYTES = 1 << 16
DETECT_MAX_LINES = 200_000  # modded-nanogpt logs start with the whole training script
DETECT_ENOUGH = 30          # a clear winner after a few record lines
MAX_STEP = 1 << 62          # iteration numbers are stored as int64
BEFORE_ALL = -(1 << 62)


class Parsed:
    """The result of parsing: the format's registry name, the runs, the number of lines read."""
    def __init__(self, fmt, runs, lines):
        self.format = fmt        # the format's registry name
        self.runs = runs
        self.lines = lines


class Sink:
    """Receives records from a format's parser and decides where one run ends."""

    def __init__(self):
        self.runs = []
        self.line_no = 0
        self.events = EventWatch()
        self.previous = None        # the run a new process segment may turn out to resume
        self.resume_pending = False
        self.segment_busy = False   # the current process segment has logged a record or an event
        self._new_run()

    def _new_run(self):
        self.run = Run(len(self.runs), max(1, self.line_no))
        self.runs.append(self.run)
        self.next_iter = BEFORE_ALL  # the smallest iteration number that continues this run
        self.next_eval = BEFORE_ALL
        self.segment_busy = False
        return self.run

    def _continue(self, step, kind):
        """Before a record at `step`: finish a pending resume, or start a new run if the numbering restarted."""
        if self.resume_pending:
            self._resume_at(step)
        elif step < (self.next_iter if kind == "iter" else self.next_eval):
            self.previous = None
            self._new_run()
        self.segment_busy = True

    def record_iter(self, it, loss, time_ms, mfu, lr=None, grad_norm=None, loss_text=None):
        """One iteration record (loss, time in ms, MFU in percent as printed, optional lr and gradient norm)."""
        if not 0 <= it < MAX_STEP:
            return  # garbage that happens to match (a step count no run reaches)
        self._continue(it, "iter")
        self.run.add_iter(it, loss, time_ms, mfu, lr, grad_norm, loss_text)
        self.next_iter = it + 1
        self.next_eval = max(self.next_eval, it)

    def record_eval(self, step, train_loss, val_loss, train_printed=True):
        """One eval record; train_printed=False when the format prints no train loss at eval time."""
        if not 0 <= step < MAX_STEP:
            return
        self._continue(step, "eval")
        self.run.add_eval(step, train_loss, val_loss, train_printed)
        self.next_eval = step + 1
        self.next_iter = max(self.next_iter, step)

    def bulk_advance(self, last_iter, n):
        """A format's fast path appended n iterations up to last_iter directly to the run's columns."""
        self.next_iter = last_iter + 1
        self.next_eval = max(self.next_eval, last_iter)
        self.segment_busy = True

    def header(self, key, value, new_run=None):
        """new_run names a header that appears once per process: after records it starts a new segment."""
        if new_run and self.segment_busy:
            self.previous = self.run
            self._new_run()
        self.run.header[key] = value

    def mark_resume(self):
        """This process resumes from a checkpoint: continue the run before it, if there is one."""
        if self.resume_pending or self.segment_busy:
            return
        prev = self.previous
        if prev is not None and self.run is not prev and not self.run.has_data:
            config = {**prev.header.get("config", {}), **self.run.header.get("config", {})}
            prev.header.update(self.run.header)
            prev.header["config"] = config
            self.runs.remove(self.run)
            self.run = prev
        self.resume_pending = True

    def _resume_at(self, step):
        run = self.run
        ends = [e for e in run.events if e["after"] == run.n_records and not e.get("superseded")]
        superseded = run.resume_at(step) if run.has_data else 0
        run.resumes.append({"step": step, "superseded": superseded,
                            "previous_end": ends[-1]["kind"] if ends else None, "line": self.line_no})
        self.resume_pending = False
        self.next_iter = self.next_eval = BEFORE_ALL

    def note_nonfinite(self, step, text):
        """The log says the loss was not finite at `step` (an error line, a cut-off record)."""
        if self.run.first_nonfinite is None:
            self.run.first_nonfinite = (int(step), "iter", text)

    def other(self, line):
        """A line no format recognised: look for crashes, OOMs and interruptions."""
        before = len(self.run.events)
        self.events.line(line, self)
        if len(self.run.events) > before:
            self.segment_busy = True

    def cut(self, text, fmt):
        """A record line that stops mid-way: keep what it still says about a non-finite loss."""
        if not (text and fmt.looks_cut(text)):
            return
        self.run.truncated = text[:200]
        part = fmt.partial(text)
        if part is not None:
            try:
                bad = float(part[1]) != float(part[1]) or abs(float(part[1])) == float("inf")
            except ValueError:
                bad = False
            if bad:
                self.note_nonfinite(part[0], part[1])


def open_log(path):
    """A text stream over the log at `path` ('-' is stdin), or AnalyzeError for empty/binary files."""
    try:
        if path == "-":
            raw = io.BytesIO(sys.stdin.buffer.read())
        else:
            raw = open(path, "rb")
    except FileNotFoundError:
        raise AnalyzeError(f"log file not found: {path}") from None
    except IsADirectoryError:
        raise AnalyzeError(f"{path} is a directory, not a log file") from None
    except OSError as e:
        raise AnalyzeError(f"cannot read {path}: {e.strerror or e}") from None
    try:
        return text_stream(raw, name=path)
    except BaseException:
        raw.close()
        raise


def text_stream(raw, name="<log>"):
    """Wrap a binary stream as text after checking it is a non-empty text file."""
    head = raw.read(SNIFF_BYTES)
    raw.seek(0)
    encoding = "utf-8"
    if head.startswith(b"\xef\xbb\xbf"):
        encoding = "utf-8-sig"
    elif head.startswith((b"\xff\xfe", b"\xfe\xff")):
        encoding = "utf-16"  # PowerShell's `>` writes UTF-16 with a BOM
    if not head.strip(b" \t\r\n\x00\xef\xbb\xbf\xff\xfe"):
        raise AnalyzeError(f"{name} is empty")
    if encoding != "utf-16":
        text = head.decode("utf-8", errors="replace")
        bad = sum(1 for ch in text if ch == "\ufffd" or (ch < " " and ch not in "\t\n\r\x1b\x0c\x08"))
        if b"\x00" in head or bad > 0.05 * len(text):
            raise AnalyzeError(f"{name} looks like a binary file, not a training log")
    return io.TextIOWrapper(raw, encoding=encoding, errors="replace", newline=None)


def detect(stream):
    """The registry name of the format whose lines dominate the start of the stream (rewound)."""
    scores = dict.fromkeys(FORMATS, 0)
    for i, raw in enumerate(stream):
        if i >= DETECT_MAX_LINES:
            break
        line = clean(raw)
        if not line:
            continue
        for name, cls in FORMATS.items():
            scores[name] += cls.score(line)
        if max(scores.values()) >= DETECT_ENOUGH:
            break
    stream.seek(0)
    for fallback in (False, True):  # a fallback format only when no other matched; ties go to the first listed
        candidates = [n for n, cls in FORMATS.items() if cls.fallback == fallback and scores[n] > 0]
        if candidates:
            return max(candidates, key=scores.get)
    raise AnalyzeError(not_a_log_message())


def parse_stream(stream, format_hint=None):
    """Parse a seekable text stream; returns Parsed(format name, runs, lines)."""
    if format_hint is not None and format_hint not in FORMATS:
        raise AnalyzeError(f"unknown format {format_hint!r}; expected one of {', '.join(FORMATS)}")
    name = format_hint or detect(stream)
    fmt = FORMATS[name]()
    sink = Sink()

    def feed_line(raw):
        """One raw line through the format, or to the event watch; True if it was a record line."""
        text = clean(raw)
        if not text:
            return False
        kill = MIDLINE.search(text)
        if kill and kill.start() > 0:  # a scheduler's message written into a half-printed line
            sink.cut(text[:kill.start()].rstrip(), fmt)
            sink.other(text[kill.start():])
            return False
        if fmt.feed(text, sink):
            return True
        sink.other(text)
        return False

    line_no, last, ok = fmt.read(stream, sink, feed_line)
    fmt.finish(sink)
    if last and not last.endswith("\n") and not ok:
        sink.cut(clean(last), fmt)
    runs = [r for r in sink.runs if r.has_data or r.events or r.truncated]
    if not runs:
        raise AnalyzeError(f"no training records found in this {fmt.title} log")
    for i, r in enumerate(runs):
        r.index = i
    return Parsed(name, runs, line_no)


def parse_path(path, format_hint=None):
    """Parse the log file at `path` ('-': stdin); AnalyzeError for bad input."""
    with open_log(path) as stream:
        return parse_stream(stream, format_hint)


def parse_text(text, format_hint=None):
    """Parse a log given as a string (tests, the gallery); same checks as a file."""
    if isinstance(text, str):
        text = text.encode("utf-8", errors="surrogatepass")
    return parse_stream(text_stream(io.BytesIO(text)), format_hint)
