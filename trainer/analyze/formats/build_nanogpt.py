"""build-nanogpt (karpathy/build-nanogpt): the video's train_gpt2.py at its successive commits.

    step N | loss: X | lr X | norm: X | dt: Xms | tok/sec: X      the final form
    step N, loss: X, dt: Xms, tok/sec: X                           early commits (and forks:
                                                                   fields added, dropped, reordered)
    validation loss: X                                             printed before the step line of its step
    loaded N tokens  /  1 epoch = K batches                        DataLoaderLite, early commits
    total desired batch size: N                                    once per run
    log/log.txt: N train X / N val X / N hella X

dt is measured from the top of the loop, so a step that evaluated includes the eval.
"""
import re

from trainer.analyze.formats.base import LogFormat
from trainer.analyze.lines import NUM, int_headers, loss_before_cut, num, split_fields

NAN = float("nan")


class BuildNanoGPT(LogFormat):
    """build-nanogpt's console and log.txt (module docstring)."""
    name = "build-nanogpt"
    title = "build-nanogpt"
    iter_time_includes_eval = True
    RECORD_PREFIXES = ("step", "validation loss")

    STEP = re.compile(r"step\s*(\d+)\s*([,|])\s*(.*)$")
    VAL = re.compile(rf"validation loss: ({NUM})$")
    FILE = re.compile(rf"(\d+) (train|val|hella)(?: loss)? ({NUM})$")
    BATCH = re.compile(r"total desired batch size: (\d+)")
    LOADED = re.compile(r"loaded:? (\d+)(?: tokens)?", re.I)
    EPOCH = re.compile(r"1 epoch = (\d+) batches")

    def __init__(self):
        self.pending_val = None  # `validation loss` is printed before the step line of the same step

    @classmethod
    def score(cls, line):
        m = cls.STEP.match(line)
        if m and "loss" in m[3]:
            return 3
        if cls.FILE.match(line):
            return 2
        if cls.VAL.match(line) or cls.BATCH.match(line) or cls.EPOCH.match(line):
            return 1
        return 0

    def feed(self, line, sink):
        m = self.STEP.match(line)
        if m:
            return self._step(int(m[1]), m[3], m[2], sink)
        m = self.VAL.match(line)
        if m:
            self.pending_val = num(m[1])
            return True
        m = self.FILE.match(line)
        if m:
            step, kind, value = int(m[1]), m[2], num(m[3])
            if kind == "val":
                sink.record_eval(step, NAN, value, train_printed=False)
            elif kind == "train":
                sink.record_iter(step, value, NAN, NAN, loss_text=m[3])
            return True
        m = self.BATCH.match(line)
        if m:
            sink.header("tokens_per_iter", int(m[1]), new_run="tokens_per_iter")
            return True
        return int_headers(line, sink, ((self.LOADED, "train_tokens"), (self.EPOCH, "batches_per_epoch")))

    def _step(self, step, rest, sep, sink):
        found, bad, _ = split_fields(rest, sep)
        loss = found.get("loss")
        if loss is None or bad:
            return False
        if self.pending_val is not None:
            sink.record_eval(step, NAN, self.pending_val, train_printed=False)
            self.pending_val = None
        dt, lr, norm = found.get("dt"), found.get("lr"), found.get("norm")
        sink.record_iter(step, loss[0], dt[0] if dt and dt[2] == "ms" else NAN, NAN, lr=lr[0] if lr else None,
                         grad_norm=norm[0] if norm else None, loss_text=loss[1])
        return True

    def finish(self, sink):
        if self.pending_val is not None:  # the log stopped between the eval and its step line
            last = sink.run.last_step
            sink.record_eval(0 if last is None else last + 1, NAN, self.pending_val, train_printed=False)
            self.pending_val = None

    def partial(self, text):
        m = self.STEP.match(text)
        loss = loss_before_cut(m[3], m[2]) if m else None
        return (int(m[1]), loss) if loss else None
