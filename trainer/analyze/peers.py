"""The performance peers' logs: llm.c, modded-nanogpt, build-nanogpt, and our metrics.jsonl.

  llmc           train_gpt2.cu console `step N/T | loss X (..z)| norm X (..z)| lr X | X ms | X% bf16 MFU | X tok/s`
                 and `val loss X`; train_gpt2.c `step N: train loss X (took Y ms)`;
                 the main.log file `s:N trl:X lr:X norm:X` / `s:N tel:X`
  modded-nanogpt `step:N/T val_loss:X train_time:Xms step_avg:Xms`, train lines with or without train_loss
  build-nanogpt  `step N | loss: X | lr X | norm: X | dt: Xms | tok/sec: X`, `validation loss: X`,
                 and its log.txt `N train X` / `N val X`
  metrics-jsonl  our trainer's metrics.jsonl: {"kind": "config"|"iter"|"eval"|"error", ...}
"""
import math
import re

from trainer.analyze.lines import NUM, as_float, as_int, first, json_or_none, num, set_config
from trainer.analyze.records import NAN


class LlmC:
    name = "llmc"
    CONSOLE = re.compile(rf"step\s+(\d+)/(\d+)\s*[|:]\s*(?:train )?loss ({NUM})")
    CPU = re.compile(rf"step (\d+): train loss ({NUM}) \(took ({NUM}) ms\)")
    VAL = re.compile(rf"val loss ({NUM})$")
    FILE = re.compile(rf"s:(\d+) (trl|tel):({NUM})")
    NORM = re.compile(rf"norm:?\s*({NUM})")
    LR = re.compile(rf"\blr:?\s*({NUM})")
    MS = re.compile(rf"(?:\||\()\s*({NUM}) ms")
    MFU = re.compile(rf"\|\s*({NUM})% bf16 MFU")
    PARAMS = re.compile(r"num_parameters:?\s*\|?\s*(\d+)")
    DEVICE = re.compile(r"\|?\s*device\s*\|\s*(.+?)\s*\|")
    OTHER_FILE = re.compile(r"s:\d+ eval:")

    def __init__(self):
        self.last_printed = None  # last console step number; a `val loss` line belongs to it

    @classmethod
    def score(cls, line):
        if cls.CONSOLE.match(line) or cls.FILE.match(line) or cls.CPU.match(line):
            return 3
        if cls.VAL.match(line):
            return 1
        return 0

    def feed(self, line, sink):
        m = self.CONSOLE.match(line)
        if m:
            step = int(m[1])
            rest = line[m.end():]
            norm = first(self.NORM, rest)
            lr = first(self.LR, rest)
            ms = first(self.MS, rest)
            mfu = first(self.MFU, rest)
            sink.header("max_steps", int(m[2]))
            # llm.c prints -100.0% when it has no peak for the GPU; that is "unknown", not a value
            mfu = NAN if mfu is None or mfu <= -100.0 else mfu
            sink.record_iter(step, num(m[3]), NAN if ms is None else ms, mfu, lr=lr, grad_norm=norm, loss_text=m[3])
            self.last_printed = step
            return True
        m = self.CPU.match(line)
        if m:
            # train_gpt2.c prints the 0-based step before training it; its `val loss` comes first
            step = int(m[1])
            sink.record_iter(step, num(m[2]), num(m[3]), NAN, loss_text=m[2])
            self.last_printed = step + 1
            return True
        m = self.FILE.match(line)
        if m:
            step, kind, value = int(m[1]), m[2], num(m[3])
            if kind == "tel":
                sink.record_eval(step, NAN, value, train_printed=False)
            else:
                rest = line[m.end():]
                sink.record_iter(step, value, NAN, NAN, lr=first(self.LR, rest), grad_norm=first(self.NORM, rest),
                          loss_text=m[3])
            return True
        m = self.VAL.match(line)
        if m:
            sink.record_eval(self.last_printed or 0, NAN, num(m[1]), train_printed=False)
            return True
        m = self.PARAMS.search(line) if "num_parameters" in line else None
        if m:
            sink.header("n_params", int(m[1]))
            return True
        m = self.DEVICE.match(line)
        if m:
            sink.header("device", m[1])
            return True
        return bool(self.OTHER_FILE.match(line))


class Modded:
    name = "modded-nanogpt"
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
        elif avg is not None:
            time_ms = avg
        if train_time is not None:
            self.prev = (step, train_time)
        loss = num(loss_m[1]) if loss_m else NAN
        sink.record_iter(step, loss, time_ms, NAN, loss_text=loss_m[1] if loss_m else None)
        return True


class BuildNanoGPT:
    name = "build-nanogpt"
    STEP = re.compile(rf"step\s+(\d+) \| loss: ({NUM})")
    LR = re.compile(rf"\| lr ({NUM})")
    NORM = re.compile(rf"\| norm: ({NUM})")
    DT = re.compile(rf"\| dt: ({NUM})ms")
    VAL = re.compile(rf"validation loss: ({NUM})$")
    FILE = re.compile(rf"(\d+) (train|val|hella)(?: loss)? ({NUM})$")
    BATCH = re.compile(r"total desired batch size: (\d+)")

    def __init__(self):
        self.pending_val = None  # `validation loss` is printed before the step line of the same step

    @classmethod
    def score(cls, line):
        if cls.STEP.match(line):
            return 3
        if cls.FILE.match(line):
            return 2
        if cls.VAL.match(line) or cls.BATCH.match(line):
            return 1
        return 0

    def feed(self, line, sink):
        m = self.STEP.match(line)
        if m:
            step, rest = int(m[1]), line[m.end():]
            if self.pending_val is not None:
                sink.record_eval(step, NAN, self.pending_val, train_printed=False)
                self.pending_val = None
            dt = first(self.DT, rest)
            sink.record_iter(step, num(m[2]), NAN if dt is None else dt, NAN, lr=first(self.LR, rest),
                      grad_norm=first(self.NORM, rest), loss_text=m[2])
            return True
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
        return False

    def finish(self, sink):
        if self.pending_val is not None:  # the log stopped between the eval and its step line
            last = sink.run.last_step
            sink.record_eval(0 if last is None else last + 1, NAN, self.pending_val, train_printed=False)
            self.pending_val = None


class MetricsJsonl:
    name = "metrics-jsonl"

    @classmethod
    def score(cls, line):
        if not line.startswith("{"):
            return 0
        rec = json_or_none(line)
        return 3 if isinstance(rec, dict) and rec.get("kind") in ("config", "iter", "eval") else 0

    def feed(self, line, sink):
        if not line.startswith("{"):
            return False
        rec = json_or_none(line)
        if not isinstance(rec, dict):
            return False
        kind = rec.get("kind")
        if kind == "config":
            # a resumed run writes its config again and continues the same numbering
            resumed = rec.get("resumed_from") is not None
            sink.header("config_record", True, new_run=None if resumed else "config_record")
            config = rec.get("config") if isinstance(rec.get("config"), dict) else {}
            for key, value in config.items():
                set_config(sink, key, value)
            model_args = rec.get("model_args") if isinstance(rec.get("model_args"), dict) else {}
            for key, header_key in (("vocab_size", "vocab_size"),):
                if as_int(model_args.get(key)) is not None:
                    sink.header(header_key, as_int(model_args[key]))
            for key, header_key in (("num_params", "n_params"), ("tokens_per_iter", "tokens_per_iter"),
                                    ("train_tokens", "train_tokens"), ("world_size", "world_size")):
                if as_int(rec.get(key)) is not None:
                    sink.header(header_key, as_int(rec[key]))
            if isinstance(rec.get("device_name"), str):
                sink.header("device", rec["device_name"])
            peak, _ = as_float(rec.get("peak_flops_device"))
            if math.isfinite(peak) and peak > 0:
                sink.header("device_peak_flops", peak)
            return True
        if kind == "error":
            it = as_int(rec.get("iter"))
            what = str(rec.get("error", ""))
            if it is not None and ("nan" in what or "inf" in what) and sink.run.first_nonfinite is None:
                sink.run.first_nonfinite = (it, "iter", what)
            sink.run.add_event("exception", what or "error")
            return True
        if kind == "iter":
            it = as_int(rec.get("iter"))
            if it is None:
                return False
            loss, text = as_float(rec.get("loss"))
            mfu, _ = as_float(rec.get("mfu_a100"))  # a fraction; null until the EMA starts
            sink.record_iter(it, loss, as_float(rec.get("dt_ms"))[0], mfu * 100.0,
                      lr=as_float(rec.get("lr"), None)[0], grad_norm=as_float(rec.get("grad_norm"), None)[0],
                      loss_text=text)
            mfu_device, _ = as_float(rec.get("mfu_device"))
            if math.isfinite(mfu_device):
                sink.header("mfu_device_pct", mfu_device * 100.0)
            return True
        if kind == "eval":
            step = as_int(rec.get("iter", rec.get("step")))
            if step is None:
                return False
            train, _ = as_float(rec.get("train_loss"))
            val, _ = as_float(rec.get("val_loss"))
            sink.record_eval(step, train, val, train_printed="train_loss" in rec)
            return True
        return False
