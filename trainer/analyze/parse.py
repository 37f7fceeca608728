"""Read a training log in one streaming pass: refuse what is not a log, detect the
format, split concatenated runs, and collect records into compact `Run`s.

Memory stays flat in the file size: lines are read one at a time and only
numbers are kept (see records.py). The one exception is stdin, which is read
into memory first because detection needs a second pass.

A new run starts at a header line that only appears once per run (nanoGPT's
`Overriding config with`, `tokens per iteration will be:`, build-nanogpt's
`total desired batch size:`, a metrics.jsonl config record) once the current
run has records, and whenever the numbering goes backwards (a restart or a
resume from an older checkpoint).
"""
import io
import re
import sys
import warnings

from trainer.analyze.formats import FORMATS, NanoGPT
from trainer.analyze.lines import clean
from trainer.analyze.records import AnalyzeError, Run

SNIFF_BYTES = 1 << 16
DETECT_MAX_LINES = 200_000  # modded-nanogpt logs start with the whole training script
DETECT_ENOUGH = 30          # a clear winner after a few record lines

OOM = re.compile(r"out of memory|OutOfMemoryError|can't allocate memory|CUBLAS_STATUS_ALLOC_FAILED", re.I)
KEYBOARD = re.compile(r"KeyboardInterrupt\b")
KILLED = re.compile(r"^(?:Killed|Terminated)\b|\bSIG(?:KILL|TERM)\b|exitcode\s*:\s*-(?:9|15)\b")
EXCEPTION = re.compile(r"((?:[A-Za-z_]\w*\.)*[A-Za-z_]\w*(?:Error|Exception))(?::|$)")
TRACEBACK = "Traceback (most recent call last)"
MAX_STEP = 1 << 62  # iteration numbers are stored as int64
CHUNK = 1 << 20
NOT_ITER = re.compile(r"\n(?!iter )")
# a block of nanoGPT iter lines; numpy then checks every field is a number
BULK_ITER = re.compile(r"(?:iter \d+: loss [-+.\w]+, time [-+.\w]+ms, mfu [-+.\w]+%[ \t]*\n)+", re.ASCII)
_NUMBER_BYTES = bytes(c if c in b"0123456789.-\n" else 32 for c in range(256))
RECORD_STARTS = ("iter ", "step", "s:", "val loss", "validation loss", "{", "tokens per iteration",
                 "number of parameters")


class Parsed:
    def __init__(self, fmt, runs, lines):
        self.format = fmt
        self.runs = runs
        self.lines = lines


class Sink:
    """Receives records from a format's parser and decides where one run ends."""

    def __init__(self):
        self.runs = []
        self.line_no = 0
        self.in_traceback = False
        self.last_record = None  # 'iter' or 'eval': what an OOM interrupted
        self._new_run()

    def _new_run(self):
        self.last_record = None
        self.run = Run(len(self.runs), max(1, self.line_no))
        self.runs.append(self.run)
        self.next_iter = -(1 << 62)  # the smallest iteration number that continues this run
        self.next_eval = -(1 << 62)
        return self.run

    def _busy(self):
        return self.run.has_data or bool(self.run.events)

    def record_iter(self, it, loss, time_ms, mfu, lr=None, grad_norm=None, loss_text=None):
        if not 0 <= it < MAX_STEP:
            return  # garbage that happens to match (a step count no run reaches)
        if it < self.next_iter:
            self._new_run()
        self.run.add_iter(it, loss, time_ms, mfu, lr, grad_norm, loss_text)
        self.last_record = "iter"
        self.next_iter = it + 1
        self.next_eval = max(self.next_eval, it)

    def record_eval(self, step, train_loss, val_loss, train_printed=True):
        if not 0 <= step < MAX_STEP:
            return
        if step < self.next_eval:
            self._new_run()
        self.run.add_eval(step, train_loss, val_loss, train_printed)
        self.last_record = "eval"
        self.next_eval = step + 1
        self.next_iter = max(self.next_iter, step)

    def header(self, key, value, new_run=None):
        """new_run names a header that appears once per run: seeing it again after records means a new run."""
        if new_run and self._busy():
            self._new_run()
        self.run.header[key] = value

    def other(self, line):
        """A line no format recognised: look for crashes, OOMs and interruptions."""
        if line.startswith(TRACEBACK):
            self.in_traceback = True
            return
        if OOM.search(line):
            self._event("oom", line)
        elif KEYBOARD.match(line) or line == "error: interrupted":
            self._event("keyboard", line)
            self.in_traceback = False
        elif KILLED.search(line):
            self._event("killed", line)
        elif (self.in_traceback and EXCEPTION.match(line)) or line.startswith("error: "):
            self._event("exception", line)  # a traceback's last line, or our trainer's `error: ...`
            self.in_traceback = False

    def _event(self, kind, line):
        events = self.run.events
        # one event per crash: DDP prints the same traceback once per rank, and an OOM
        # traceback mentions the OOM several times
        if events and events[-1]["after"] == self.run.n_records and (events[-1]["kind"] == kind or kind == "exception"):
            return
        self.run.add_event(kind, line, last_record=self.last_record)


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
    """The format whose lines dominate the start of the stream (the stream is rewound)."""
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
    best = max(scores, key=scores.get)  # ties go to the first format listed
    if scores[best] == 0:
        raise AnalyzeError("not a training log this analyzer knows: no nanoGPT, llm.c, modded-nanogpt, "
                           "build-nanogpt or metrics.jsonl lines found (use --format-hint to force one)")
    return best


def parse_stream(stream, format_hint=None):
    """Parse a seekable text stream; returns Parsed(format, runs, lines)."""
    if format_hint is not None and format_hint not in FORMATS:
        raise AnalyzeError(f"unknown format {format_hint!r}; expected one of {', '.join(FORMATS)}")
    fmt = format_hint or detect(stream)
    feeder = FORMATS[fmt]()
    sink = Sink()
    reader = _read_nanogpt if isinstance(feeder, NanoGPT) else _read_lines
    line_no, last, ok = reader(stream, feeder, sink)
    if hasattr(feeder, "finish"):
        feeder.finish(sink)
    if last and not last.endswith("\n") and not ok:
        tail = clean(last)
        if tail and (tail[0].isdigit() or any(tail.startswith(k) or k.startswith(tail) for k in RECORD_STARTS)):
            sink.run.truncated = tail[:200]
    runs = [r for r in sink.runs if r.has_data or r.events or r.truncated]
    if not runs:
        raise AnalyzeError(f"no training records found in this {fmt} log")
    for i, r in enumerate(runs):
        r.index = i
    return Parsed(fmt, runs, line_no)


def _feed(line, feeder, sink):
    """The general path for one raw line; True if the format recognised it."""
    text = clean(line)
    recognised = bool(text) and feeder.feed(text, sink)
    if text and not recognised:
        sink.other(text)
    return recognised


def _read_lines(stream, feeder, sink):
    line_no, raw, ok = 0, "", False
    for raw in stream:
        line_no += 1
        sink.line_no = line_no
        ok = _feed(raw, feeder, sink)
    return line_no, raw, ok


def _read_nanogpt(stream, feeder, sink):
    """nanoGPT logs are almost all `iter` lines: read 1 MB chunks, cut them at the few
    other lines (one regex scan for newlines not followed by `iter `), and parse
    each block of `iter` lines in bulk. Everything else takes the general path."""
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
                line_no, last, ok = _iter_block(chunk[pos:s], line_no, feeder, sink)
            if s == len(chunk):
                break
            e = chunk.find("\n", s)
            e = len(chunk) if e < 0 else e + 1
            last = chunk[s:e]
            line_no += 1
            sink.line_no = line_no
            ok = _feed(last, feeder, sink)
            pos = e
    return line_no, last, ok


def _iter_block(block, line_no, feeder, sink):
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
                last, ok = line, _feed(line, feeder, sink)
    if tail:
        line_no += 1
        sink.line_no = line_no
        last, ok = tail, _feed(tail, feeder, sink)
    return line_no, last, ok


def _bulk_iters(block, n, sink):
    """The hot path: n clean nanoGPT `iter` lines that continue the current run.

    One regex check of the whole block, then the numbers are read by numpy in C
    instead of per-line Python work; this keeps a 600,000-iteration log near a
    second. Any surprise (a line that does not match, a non-finite loss,
    numbering that goes backwards) returns False and the block is parsed line by line.
    """
    run = sink.run
    if run.lr is not None or run.grad_norm is not None or not BULK_ITER.fullmatch(block):
        return False
    import numpy as np
    # blank out everything but digits, '.', '-' and newlines: each line leaves exactly its
    # four numbers (nan, inf or an exponent leave a different count and take the slow path)
    numbers = block.encode("ascii").translate(_NUMBER_BYTES)
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("error")
            values = np.fromstring(numbers, sep=" ")
    except (ValueError, DeprecationWarning):
        return False
    if values.size != 4 * n:
        return False
    values = values.reshape(n, 4)
    its = values[:, 0]
    if not (np.isfinite(values).all() and (its == np.round(its)).all() and its[0] >= sink.next_iter
            and (n == 1 or (np.diff(its) > 0).all()) and its[-1] < 2 ** 53):  # floats hold such ints exactly
        return False
    run.iters.frombytes(its.astype(np.int64).tobytes())
    run.loss.frombytes(np.ascontiguousarray(values[:, 1]).tobytes())
    run.time_ms.frombytes(np.ascontiguousarray(values[:, 2]).tobytes())
    run.mfu.frombytes(np.ascontiguousarray(values[:, 3]).tobytes())
    sink.next_iter = int(its[-1]) + 1
    sink.last_record = "iter"
    sink.next_eval = max(sink.next_eval, int(its[-1]))
    return True


def parse_path(path, format_hint=None):
    with open_log(path) as stream:
        return parse_stream(stream, format_hint)


def parse_text(text, format_hint=None):
    """Parse a log given as a string (tests, the gallery); same checks as a file."""
    if isinstance(text, str):
        text = text.encode("utf-8", errors="surrogatepass")
    return parse_stream(text_stream(io.BytesIO(text)), format_hint)
