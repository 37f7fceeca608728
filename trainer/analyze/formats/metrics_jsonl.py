"""Our trainer's out_dir/metrics.jsonl (trainer/metrics.py): one JSON object per line.

    {"kind": "config", "config": {...}, "model_args": {...}, "num_params", "tokens_per_iter",
     "train_tokens", "world_size", "device_name", "peak_flops_device", "resumed_from"}
    {"kind": "iter", "iter", "loss", "lr", "grad_norm", "dt_ms", "mfu_a100", "mfu_device", ...}
    {"kind": "eval", "iter", "train_loss", "val_loss", ...}
    {"kind": "error", "iter", "error"}

A resumed run appends a second config record (with resumed_from) and repeats the
records from its checkpoint on. The numbers mean what nanoGPT's console lines mean.
"""
import math

from trainer.analyze.formats.base import LogFormat
from trainer.analyze.lines import as_float, as_int, json_or_none, set_config
from trainer.hardware import A100_BF16_PEAK


class MetricsJsonl(LogFormat):
    """Our trainer's metrics.jsonl (module docstring)."""
    name = "metrics-jsonl"
    title = "metrics.jsonl"
    eval_train = "eval_mode"
    eval_train_where = "eval_record"
    eval_noise_from_iters = True
    iter_time_includes_eval = True
    max_steps_from = "config"
    mfu_reference = ("A100", A100_BF16_PEAK)  # the mfu_a100 field; mfu_device is the real card's
    mfu_running_average = True
    RECORD_PREFIXES = ("{",)
    HEADER_KEYS = (("num_params", "n_params"), ("tokens_per_iter", "tokens_per_iter"),
                   ("train_tokens", "train_tokens"), ("world_size", "world_size"))

    @classmethod
    def score(cls, line):
        if not line.startswith("{"):
            return 0
        rec = json_or_none(line)
        return 3 if isinstance(rec, dict) and rec.get("kind") in ("config", "iter", "eval") else 0

    def feed(self, line, sink):
        rec = json_or_none(line) if line.startswith("{") else None
        if not isinstance(rec, dict):
            return False
        kind = rec.get("kind")
        if kind == "config":
            self._config(rec, sink)
            return True
        if kind == "error":
            it = as_int(rec.get("iter"))
            what = str(rec.get("error", ""))
            if it is not None and ("nan" in what or "inf" in what):
                sink.note_nonfinite(it, what)
            sink.run.add_event("exception", what or "error")
            return True
        if kind == "iter":
            return self._iter(rec, sink)
        if kind == "eval":
            step = as_int(rec.get("iter", rec.get("step")))
            if step is None:
                return False
            train, _ = as_float(rec.get("train_loss"))
            val, _ = as_float(rec.get("val_loss"))
            sink.record_eval(step, train, val, train_printed="train_loss" in rec)
            return True
        return False

    @classmethod
    def _config(cls, rec, sink):
        sink.header("config_record", True, new_run="config_record")
        if rec.get("resumed_from") is not None:
            sink.mark_resume()
        config = rec.get("config") if isinstance(rec.get("config"), dict) else {}
        for key, value in config.items():
            set_config(sink, key, value)
        model_args = rec.get("model_args") if isinstance(rec.get("model_args"), dict) else {}
        if as_int(model_args.get("vocab_size")) is not None:
            sink.header("vocab_size", as_int(model_args["vocab_size"]))
        for key, header_key in cls.HEADER_KEYS:
            if as_int(rec.get(key)) is not None:
                sink.header(header_key, as_int(rec[key]))
        if isinstance(rec.get("device_name"), str):
            sink.header("device", rec["device_name"])
        peak, _ = as_float(rec.get("peak_flops_device"))
        if math.isfinite(peak) and peak > 0:
            sink.header("device_peak_flops", peak)

    @staticmethod
    def _iter(rec, sink):
        it = as_int(rec.get("iter"))
        if it is None:
            return False
        loss, text = as_float(rec.get("loss"))
        mfu, _ = as_float(rec.get("mfu_a100"))  # a fraction; null until the running average starts
        sink.record_iter(it, loss, as_float(rec.get("dt_ms"))[0], mfu * 100.0,
                         lr=as_float(rec.get("lr"), None)[0], grad_norm=as_float(rec.get("grad_norm"), None)[0],
                         loss_text=text)
        mfu_device, _ = as_float(rec.get("mfu_device"))
        if math.isfinite(mfu_device):
            sink.header("mfu_device_pct", mfu_device * 100.0)
        return True
