"""Where a run's output goes: the console (teed to train.log) and metrics.jsonl.

train.log is the console transcript, byte for byte what a nanoGPT user would
see, so the analyzer can read ours and theirs alike. metrics.jsonl is the
machine-readable record: one JSON object per line, flushed as it is written,
so a killed run leaves every line it printed. Floats are written with repr
precision (json does that), so two runs can be compared bit for bit.

Record kinds (see train.py for when each is written):
  {"kind": "config", ...}  once per start (and once more per resume)
  {"kind": "eval", "iter", "train_loss", "val_loss", "lr", "tokens_seen", "epoch", ...}
  {"kind": "iter", "iter", "loss", "lr", "grad_norm", "tokens_seen", "epoch", "dt_ms",
   "mfu_a100", "mfu_device", "time"}
Non-finite floats are written as null, so every line is strict JSON.
"""
import json
import math
import os
import sys
import tempfile

LOG_NAME = 'train.log'
METRICS_NAME = 'metrics.jsonl'


class Console:
    """A stdout stand-in that also appends every line to out_dir/train.log.

    Installed as sys.stdout for the whole run so that lines printed by the model
    (`number of parameters: ...`) and the optimizer setup land in the log too.
    Lines printed before the log file can be opened (the configurator's output,
    printed before out_dir exists) are kept and written first.
    """

    def __init__(self, stream, keep_log=True):
        self.stream = stream
        self.keep_log = keep_log  # False on DDP ranks other than 0: console only
        self.file = None
        self.pending = []

    def open(self, path, append):
        if not self.keep_log:
            return
        if append and os.path.exists(path) and os.path.getsize(path) > 0:
            with open(path, 'rb') as f:
                f.seek(-1, os.SEEK_END)
                torn = f.read(1) != b'\n'  # a SIGKILL can cut the last line short
        else:
            torn = False
        self.file = open(path, 'a' if append else 'w', encoding='utf-8')
        if torn:
            self.file.write('\n')
        self.file.write(''.join(self.pending))
        self.file.flush()
        self.pending = []

    def write(self, s):
        n = self.stream.write(s)
        if self.file is not None:
            self.file.write(s)
            if '\n' in s:
                self.file.flush()  # a killed run keeps every complete line
        elif self.keep_log:
            self.pending.append(s)
        return n

    def log_only(self, s):
        """Write to train.log alone (the error line, which goes to stderr on the console)."""
        if self.file is not None:
            self.file.write(s)
            self.file.flush()

    def flush(self):
        self.stream.flush()
        if self.file is not None:
            self.file.flush()

    def isatty(self):
        return self.stream.isatty()

    @property
    def encoding(self):
        return getattr(self.stream, 'encoding', 'utf-8')

    def fileno(self):
        return self.stream.fileno()

    def close(self):
        if self.file is not None:
            self.file.close()
            self.file = None


def _clean(value):
    """JSON-safe: non-finite floats become None, tuples become lists, recursively."""
    if isinstance(value, float):
        return value if math.isfinite(value) else None
    if isinstance(value, dict):
        return {str(k): _clean(v) for k, v in value.items()}
    if isinstance(value, (list, tuple)):
        return [_clean(v) for v in value]
    return value


def dumps(record):
    return json.dumps(_clean(record), allow_nan=False, separators=(', ', ': '))


def read_records(path):
    """The records of a metrics.jsonl; a torn last line (the run was killed mid-write) is skipped."""
    records = []
    with open(path, encoding='utf-8') as f:
        for line in f:
            line = line.strip()
            if not line:
                continue
            try:
                records.append(json.loads(line))
            except json.JSONDecodeError:
                continue
    return records


class MetricsWriter:
    """Appends one JSON object per line to out_dir/metrics.jsonl, flushing each line."""

    def __init__(self, path, resume_iter=None):
        """Start a fresh file, or, when resuming from iteration `resume_iter`, keep
        only the records from before it: the resumed run recomputes the rest,
        and the file should hold each iteration once."""
        self.path = path
        if resume_iter is not None and os.path.exists(path):
            kept = [r for r in read_records(path)
                    if r.get('kind') == 'config' or (isinstance(r.get('iter'), int) and r['iter'] < resume_iter)]
            _write_atomic(path, ''.join(dumps(r) + '\n' for r in kept))
            self.file = open(path, 'a', encoding='utf-8')
        else:
            self.file = open(path, 'w', encoding='utf-8')

    def write(self, record):
        self.file.write(dumps(record) + '\n')
        self.file.flush()

    def close(self):
        self.file.close()


def _write_atomic(path, text):
    directory = os.path.dirname(os.path.abspath(path))
    fd, tmp = tempfile.mkstemp(prefix='.' + os.path.basename(path) + '.', suffix='.tmp', dir=directory)
    try:
        with os.fdopen(fd, 'w', encoding='utf-8') as f:
            f.write(text)
            f.flush()
            os.fsync(f.fileno())
        os.replace(tmp, path)
    except BaseException:
        try:
            os.unlink(tmp)
        except FileNotFoundError:
            pass
        raise


def print_error(message, console=None):
    """The one-line `error: ...` on stderr (and in train.log when it is open)."""
    line = f"error: {message}\n"
    sys.stderr.write(line)
    sys.stderr.flush()
    if console is not None:
        console.log_only(line)
