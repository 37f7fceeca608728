"""modded-nanogpt (KellerJordan/modded-nanogpt): the speedrun's log file.

    step:N/T val_loss:X train_time:Xms step_avg:Xms       every val_loss_every steps and at the end
    step:N/T train_time:Xms step_avg:Xms                  every step; earlier versions add train_loss:X

The log starts with the whole training script. train_time is cumulative and stops
while the val loss is computed, so an iteration's time never includes an eval.
"""
import math
import re

from trainer.analyze.formats.base import LogFormat
from trainer.analyze.lines import NUM, first, num

NAN = float("nan")


class Modded(LogFormat):
    """modded-nanogpt's log file (module docstring)."""
    name = "modded-nanogpt"
    title = "modded-nanogpt"
    first_step = 1
    compiles = True
    RECORD_PREFIXES = ("step:",)

    LINE = re.compile(r"step:(\d+)/(\d+)\b")
    VAL = re.compile(rf"val_loss:({NUM})")
    TRAIN = re.compile(rf"train_loss:({NUM})")
    TIME = re.compile(rf"train_time:({NUM})(ms|s)\b")
    AVG = re.compile(rf"step_avg:({NUM})ms")

    def __init__(self):
        self.prev = None  # (step, train_time_ms) of the previous train line

    @classmethod
    def score(cls, line):
        m = cls.LINE.match(line)
        return 3 if m and ("val_loss:" in line or "train_time:" in line) else 0

    def feed(self, line, sink):
        m = self.LINE.match(line)
        if not m:
            return False
        step, rest = int(m[1]), line[m.end():]
        sink.header("max_steps", int(m[2]))
        val = first(self.VAL, rest)
        t = self.TIME.search(rest)
        train_time = None if t is None else num(t[1]) * (1000.0 if t[2] == "s" else 1.0)
        if val is not None:
            sink.record_eval(step, NAN, val, train_printed=False)
            return True
        loss_m = self.TRAIN.search(rest)
        avg = first(self.AVG, rest)
        time_ms = NAN
        # train_time is cumulative: per-step time is its difference over the steps in between
        if train_time is not None and self.prev is not None and step > self.prev[0] and train_time > self.prev[1]:
            time_ms = (train_time - self.prev[1]) / (step - self.prev[0])
        elif avg is not None and math.isfinite(avg):
            time_ms = avg
        elif train_time is not None and self.prev is None and step == self.first_step:
            time_ms = train_time  # step 1, whose average is printed as nan: all the time so far
        if train_time is not None:
            self.prev = (step, train_time)
        loss = num(loss_m[1]) if loss_m else NAN
        sink.record_iter(step, loss, time_ms, NAN, loss_text=loss_m[1] if loss_m else None)
        return True
