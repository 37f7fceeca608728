"""metrics.jsonl: the run's machine-readable record, beside the console's train.log.

One JSON object per line, flushed as it is written, so a killed run leaves
every line it printed. Floats are written with repr precision (json does that),
so two runs can be compared bit for bit.

Record kinds (trainer/progress.py writes them):
  {"kind": "config", ...}  once per start (and once more per resume)
  {"kind": "eval", "iter", "train_loss", "val_loss", "lr", "tokens_seen", "epoch", ...}
  {"kind": "iter", "iter", "loss", "lr", "grad_norm", "tokens_seen", "epoch", "dt_ms",
   "mfu_a100", "mfu_device", "time"}
Non-finite floats are written as null, so every line is strict JSON.
"""
import json
import math
import os

from trainer.atomic import write_atomic

METRICS_NAME = 'metrics.jsonl'


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
            write_atomic(path, ''.join(dumps(r) + '\n' for r in kept), fsync=True)
            self.file = open(path, 'a', encoding='utf-8')
        else:
            self.file = open(path, 'w', encoding='utf-8')

    def write(self, record):
        self.file.write(dumps(record) + '\n')
        self.file.flush()

    def close(self):
        self.file.close()
