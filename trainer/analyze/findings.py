"""The rules: from one parsed run to findings (code, severity, steps, evidence).

What the numbers in a nanoGPT log mean, and therefore what each rule may conclude
(train.py L249-333, see the research notes):
- the `step` line is estimate_loss() in eval mode (dropout off) for *both*
  splits, averaged over eval_iters random micro-batches; only the `iter` line is
  train mode, and it is the *last micro-batch's* loss times grad_accum: noisy;
- an eval iteration's `time` includes estimate_loss() and the checkpoint save,
  and iteration 0 also includes torch.compile;
- `mfu` is an EMA over logged iterations against the A100's 312 TFLOPS,
  printed as the `-100.00%` sentinel until local iteration 5.

Thresholds are multiples of noise measured on the log itself (stats.py):
a plateau is a trailing window of evals whose val improvement stays below
2*sqrt(2)*sigma_eval, i.e. twice the noise of the difference of two evals;
overfitting needs val to rise above its minimum by more than that while the
train loss falls.
"""
import math
from dataclasses import dataclass

import numpy as np

from trainer.analyze.stats import curvature_noise, block_medians, point_noise, spikes, view
from trainer.hardware import A100_BF16_PEAK

SEVERITIES = ("error", "warning", "info")
LOW_MFU_PCT = 15.0     # below this share of the device's peak, the GPU mostly waits
EVAL_SLOW = 2.0        # an eval iteration this many times the median is an eval_time_spike
COMPILE_SLOW = 3.0     # a first iteration this many times the median is compile_warmup
PRINT_RESOLUTION = 1e-4  # nanoGPT prints losses with 4 decimals
MAX_STEPS_LISTED = 50


@dataclass
class Finding:
    code: str
    severity: str
    steps: list
    evidence: dict
    variant: str = ""  # which message template fits (e.g. val_below_train in eval or train mode)


class RunData:
    """numpy views of a run plus the noise scales several rules share."""

    def __init__(self, run, setup):
        self.run, self.setup, self.fmt = run, setup, setup.fmt
        self.iters = view(run.iters, np.int64)
        self.loss = view(run.loss)
        self.time = view(run.time_ms)
        self.mfu = view(run.mfu)
        self.ev_steps = view(run.eval_steps, np.int64)
        self.ev_train = view(run.eval_train)
        self.ev_val = view(run.eval_val)
        self.ok = np.isfinite(self.loss)
        # finite losses, shared by several rules; usually all of them are, and views cost nothing
        all_ok = bool(self.ok.all())
        self.fin_loss = self.loss if all_ok else self.loss[self.ok]
        self.fin_iters = self.iters if all_ok else self.iters[self.ok]
        self.is_eval_iter = np.isin(self.iters, self.ev_steps) if self.iters.size else np.zeros(0, bool)
        valid_t = np.isfinite(self.time) & (self.time > 0)
        steady = valid_t & ~self.is_eval_iter
        if steady.size:
            steady[0] = False  # the first iteration carries compile and warmup
        self.steady = steady
        self.steady_time_ms = float(np.median(self.time[steady])) if steady.sum() >= 3 else None
        good_mfu = np.isfinite(self.mfu) & (self.mfu > -100.0) & (self.mfu >= 0)
        self.printed_mfu = float(np.median(self.mfu[good_mfu])) if good_mfu.any() else None
        self.iter_noise = self._iter_noise()
        self.eval_noise, self.eval_noise_source = self._eval_noise()

    def _iter_noise(self):
        x = self.fin_loss
        tail = x[-max(20, x.size // 4):]  # late training: the trend between logged iters is negligible
        return point_noise(tail)

    def _eval_noise(self):
        """sigma of one val estimate, and which measurement set it."""
        v = self.ev_val[np.isfinite(self.ev_val)]
        candidates = {"resolution": PRINT_RESOLUTION, "val_curvature": curvature_noise(v[-10:])}
        # nanoGPT (and our trainer) average eval_iters micro-batches like the ones the iter line shows
        if self.fmt in ("nanogpt", "metrics-jsonl") and math.isfinite(self.iter_noise):
            candidates["iter_loss"] = self.iter_noise / math.sqrt(self.setup.eval_iters)
        source = max((k for k in candidates if math.isfinite(candidates[k])), key=lambda k: candidates[k])
        return candidates[source], source

    def vals(self):
        keep = np.isfinite(self.ev_val)
        return self.ev_steps[keep], self.ev_val[keep], self.ev_train[keep]

    def iter_loss_near(self, step, half_width):
        sel = self.ok & (np.abs(self.iters - step) <= half_width)
        return float(np.median(self.loss[sel])) if sel.any() else math.nan


def _steps(values):
    out = sorted({int(s) for s in values})
    return out[-MAX_STEPS_LISTED:]


# -- divergence ------------------------------------------------------------------------
def nan_divergence(d):
    nf = d.run.first_nonfinite
    if nf is None:
        return None
    step, where, text = nf
    before = d.ok & (d.iters < step)
    ev = {"step": int(step), "where": where, "value": text}
    if before.any():
        ev["last_finite_step"] = int(d.iters[before][-1])
        ev["last_finite_loss"] = float(d.loss[before][-1])
    lr = _lr_at(d, step)
    if lr is not None:
        ev["lr"] = lr
    return Finding("nan_divergence", "error", [int(step)], ev)


def loss_divergence(d):
    x, its = d.fin_loss, d.fin_iters
    med, size = block_medians(x, 50)
    if med.size < 6:
        return None
    kmin = int(np.argmin(med))
    low, first = float(med[kmin]), float(med[0])
    noise = d.iter_noise / math.sqrt(size) if math.isfinite(d.iter_noise) else 0.0
    delta = max(0.1 * (first - low), 5 * noise, 0.05 * abs(low))
    after = med[kmin + 1:]
    ln_v = math.log(d.setup.vocab_size) if d.setup.vocab_size else None
    variant, k = None, None
    if ln_v is not None and low < ln_v - 0.5 and (after > ln_v).any():
        variant, k = "above_random", kmin + 1 + int(np.argmax(after > ln_v))
    elif kmin < med.size - 3 and (med[-3:] > low + delta).all():
        variant, k = "rose", kmin + 1 + int(np.argmax(after > low + delta))
    if variant is None:
        return None
    min_step, cross_step = int(its[kmin * size + size // 2]), int(its[k * size])
    level = float(np.median(med[-3:]))
    ev = {"min_step": min_step, "min_loss": low, "step": cross_step, "level": level, "rise": level - low,
          "threshold": delta, "peak_loss": float(after.max())}
    if ln_v is not None:
        ev["vocab_size"], ev["ln_vocab"] = d.setup.vocab_size, ln_v
    return Finding("loss_divergence", "error", [min_step, cross_step], ev, variant)


def loss_spike(d):
    x, its = d.fin_loss, d.fin_iters
    found = spikes(x)
    if not found:
        return None
    items = [{"step": int(its[i]), "loss": float(x[i]), "baseline": b, "jump": float(x[i]) - b} for i, b in found]
    top = sorted(items, key=lambda s: -s["jump"])[:5]
    return Finding("loss_spike", "warning", _steps(s["step"] for s in items),
                   {"count": len(items), "largest": top[0], "spikes": top, "noise": d.iter_noise})


# -- crashes and endings --------------------------------------------------------------------
def oom(d):
    events = [e for e in d.run.events if e["kind"] == "oom"]
    if not events:
        return None
    e = events[0]
    phase = "startup" if e["after"] == 0 else ("eval" if e["last_record"] == "eval" else "training")
    ev = {"step": e["step"], "phase": phase, "text": e["text"], "count": len(events),
          "continued": events[-1]["after"] < d.run.n_records}
    cfg = d.setup.cfg
    if cfg is not None and cfg.batch_size > 1:
        ev.update(batch_size=cfg.batch_size, gradient_accumulation_steps=cfg.gradient_accumulation_steps,
                  suggested_batch_size=cfg.batch_size // 2,
                  suggested_accumulation=cfg.gradient_accumulation_steps * cfg.batch_size // (cfg.batch_size // 2))
    return Finding("oom", "error", [] if e["step"] is None else [int(e["step"])], ev, phase)


def interrupted(d):
    run = d.run
    ending = [e for e in run.events if e["after"] == run.n_records]
    if ending and ending[-1]["kind"] == "oom":
        return None  # the oom finding already says why the run stopped
    if ending:
        e = ending[-1]
        severity = "warning" if e["kind"] == "keyboard" else "error"
        ev = {"kind": e["kind"], "step": e["step"], "text": e["text"]}
        return Finding("interrupted", severity, [] if e["step"] is None else [int(e["step"])], ev, e["kind"])
    last, end = run.last_step, d.setup.max_steps
    if last is not None and end and last + max(1, d.setup.log_interval) <= end and not run.truncated:
        ev = {"kind": "incomplete", "step": int(last), "max_steps": int(end), "progress": last / end}
        return Finding("interrupted", "info", [int(last)], ev, "incomplete")
    return None


def truncated(d):
    if d.run.truncated is None:
        return None
    step = d.run.last_step
    return Finding("truncated", "info", [] if step is None else [int(step)], {"line": d.run.truncated, "step": step})


# -- evals ---------------------------------------------------------------------------------
def plateau(d):
    steps, v, _ = d.vals()
    if v.size < 4:
        return None
    thr = 2 * math.sqrt(2) * d.eval_noise
    improvement = v - np.minimum.accumulate(v[::-1])[::-1]  # how much val still improves after each eval
    k = v.size - 1
    while k > 0 and improvement[k - 1] < thr:
        k -= 1
    if v.size - k < 3:
        return None
    best = int(np.argmin(v))
    ev = {"window_start": int(steps[k]), "window_end": int(steps[-1]), "evals": int(v.size - k),
          "improvement": float(improvement[k]), "noise": d.eval_noise, "threshold": thr,
          "noise_source": d.eval_noise_source, "eval_iters": d.setup.eval_iters, "best_step": int(steps[best]),
          "best_val": float(v[best]), "last_val": float(v[-1])}
    lr = _lr_at(d, int(steps[-1]))
    if lr is not None:
        ev["lr"] = lr
    return Finding("plateau", "warning", _steps([steps[k], steps[best], steps[-1]]), ev)


def overfitting(d):
    steps, v, train = d.vals()
    if v.size < 4:
        return None
    b = int(np.argmin(v))
    thr = 2 * math.sqrt(2) * d.eval_noise
    rise = float(v[-1] - v[b])
    if b == v.size - 1 or rise <= thr:
        return None
    if math.isfinite(train[b]) and math.isfinite(train[-1]):
        t_best, t_last, source = float(train[b]), float(train[-1]), "eval"
    else:
        half = max(1, int(np.median(np.diff(steps))) // 2)
        t_best, t_last, source = d.iter_loss_near(steps[b], half), d.iter_loss_near(steps[-1], half), "iter"
    if not (t_last < t_best):
        return None
    ev = {"best_step": int(steps[b]), "best_val": float(v[b]), "last_step": int(steps[-1]), "last_val": float(v[-1]),
          "rise": rise, "noise": d.eval_noise, "threshold": thr, "train_at_best": t_best, "train_last": t_last,
          "train_source": source}
    if d.setup.cfg is not None:
        ev["always_save_checkpoint"] = d.setup.cfg.always_save_checkpoint
    return Finding("overfitting", "warning", [int(steps[b]), int(steps[-1])], ev)


def val_below_train(d):
    steps, v, train = d.vals()
    if d.fmt in ("nanogpt", "metrics-jsonl"):
        mode, line = "eval", ("step" if d.fmt == "nanogpt" else "eval_record")
        t = train
        noise = math.sqrt(2) * d.eval_noise
    else:  # the other formats print no train loss at eval time: compare with that step's training loss
        mode, line = "train", "train_step"
        pos = np.searchsorted(d.iters, steps)
        t = np.full(v.size, math.nan)
        hit = pos < d.iters.size
        hit[hit] &= d.iters[pos[hit]] == steps[hit]
        t[hit] = d.loss[pos[hit]]
        noise = math.hypot(d.iter_noise if math.isfinite(d.iter_noise) else 0.0, d.eval_noise)
    below = np.isfinite(t) & (v < t - 1e-9)
    if not below.any():
        return None
    i = int(np.nonzero(below)[0][-1])
    gap = float(t[i] - v[i])
    ratio = gap / noise if noise > 0 else math.inf
    likely = "split_difference" if ratio > 3 else "sampling_noise"
    mechanisms = ["split_difference", "sampling_noise"]
    if mode == "train":
        # llm.c, modded-nanogpt and build-nanogpt models have no dropout; a config may say otherwise
        mechanisms = (["dropout"] if (d.setup.dropout or 0) > 0 else []) + ["measured_during_update"] + mechanisms
    ev = {"line": line, "mode": mode, "step": int(steps[i]), "train_loss": float(t[i]), "val_loss": float(v[i]),
          "gap": gap, "noise": noise, "gap_over_noise": ratio, "count": int(below.sum()),
          "evals": int(np.isfinite(t).sum()), "likely": likely, "mechanisms": mechanisms,
          "eval_iters": d.setup.eval_iters}
    if d.setup.dropout is not None:
        ev["dropout"] = d.setup.dropout
    return Finding("val_below_train", "info", _steps(steps[below]), ev, f"{mode}_{likely}")


# -- time and MFU -----------------------------------------------------------------------------
def eval_time_spike(d):
    if d.steady_time_ms is None:
        return None
    idx = np.nonzero(d.is_eval_iter & np.isfinite(d.time))[0]
    idx = idx[idx > 0]
    slow = idx[d.time[idx] > EVAL_SLOW * d.steady_time_ms]
    if slow.size == 0:
        return None
    t = d.time[slow]
    ev = {"median_ms": d.steady_time_ms, "eval_median_ms": float(np.median(t)), "eval_max_ms": float(t.max()),
          "overhead_ms": float(np.median(t)) - d.steady_time_ms, "count": int(slow.size), "evals_logged": int(idx.size)}
    if d.fmt == "nanogpt":  # the running MFU drops at each of them
        prev, cur = d.mfu[slow - 1], d.mfu[slow]
        ok = (prev > 0) & (cur > 0)
        if ok.any():
            ev["mfu_dip_pct"] = float(np.median(prev[ok] - cur[ok]))
    return Finding("eval_time_spike", "info", _steps(d.iters[slow]), ev)


def compile_warmup(d):
    if d.steady_time_ms is None or not (d.time.size and math.isfinite(d.time[0])):
        return None
    t0 = float(d.time[0])
    if t0 <= COMPILE_SLOW * d.steady_time_ms:
        return None
    includes_eval = bool(d.is_eval_iter[0])
    ev = {"step": int(d.iters[0]), "time_ms": t0, "median_ms": d.steady_time_ms, "excess_ms": t0 - d.steady_time_ms,
          "ratio": t0 / d.steady_time_ms, "includes_eval": includes_eval}
    compiled = d.run.header.get("compile", d.setup.cfg.compile if d.setup.cfg else None)
    if compiled is not None:
        ev["compile"] = bool(compiled)
    return Finding("compile_warmup", "info", [int(d.iters[0])], ev, "eval" if includes_eval else "")


def mfu_warmup_sentinel(d):
    if d.fmt != "nanogpt":
        return None
    sent = np.nonzero(d.mfu == -100.0)[0]
    if sent.size == 0:
        return None
    ev = {"count": int(sent.size), "last_sentinel_step": int(d.iters[sent[-1]])}
    later = np.nonzero((np.arange(d.mfu.size) > sent[-1]) & (d.mfu > -100.0) & np.isfinite(d.mfu))[0]
    if later.size:
        ev["first_value_step"], ev["first_value_pct"] = int(d.iters[later[0]]), float(d.mfu[later[0]])
    return Finding("mfu_warmup_sentinel", "info", _steps(d.iters[sent]), ev)


def mfu_a100_reference(d):
    if d.fmt not in ("nanogpt", "metrics-jsonl") or d.printed_mfu is None:
        return None
    ev = {"mfu_pct": d.printed_mfu, "a100_peak_tflops": A100_BF16_PEAK / 1e12}
    if d.setup.device:
        name, peak = d.setup.device
        ev.update(device=name, device_peak_tflops=peak / 1e12, factor=A100_BF16_PEAK / peak,
                  mfu_device_pct=d.printed_mfu * A100_BF16_PEAK / peak)
    return Finding("mfu_a100_reference", "info", [], ev, "device" if d.setup.device else "")


def low_mfu(d, facts):
    """Judged on the device's own peak only: an A100-relative number says nothing about another card."""
    mfu, device, source = None, None, None
    if d.setup.device and d.fmt in ("nanogpt", "metrics-jsonl") and d.printed_mfu is not None:
        mfu, device, source = d.printed_mfu * A100_BF16_PEAK / d.setup.device[1], d.setup.device[0], "renormalized"
    elif d.fmt == "metrics-jsonl" and d.run.header.get("mfu_device_pct") is not None:
        mfu, device, source = d.run.header["mfu_device_pct"], d.run.header.get("device"), "trainer"
    elif d.fmt == "llmc" and d.printed_mfu is not None:
        mfu, device, source = d.printed_mfu, d.run.header.get("device"), "printed"
    elif d.setup.device and facts.get("mfu", {}).get("recomputed_device_pct") is not None:
        mfu, device, source = facts["mfu"]["recomputed_device_pct"], d.setup.device[0], "recomputed"
    if mfu is None or mfu >= LOW_MFU_PCT:
        return None
    ev = {"mfu_pct": mfu, "threshold_pct": LOW_MFU_PCT, "source": source}
    if device:
        ev["device"] = device
    return Finding("low_mfu", "warning", [], ev, source)


def _lr_at(d, step):
    cfg = d.setup.cfg
    if cfg is not None:
        from trainer.sizing import get_lr
        return get_lr(step, cfg.learning_rate, cfg.warmup_iters, cfg.lr_decay_iters, cfg.min_lr, cfg.decay_lr,
                      cfg.lr_schedule)
    if d.run.lr is not None and d.iters.size:
        i = min(int(np.searchsorted(d.iters, step)), d.iters.size - 1)
        lr = d.run.lr[i]
        return lr if math.isfinite(lr) else None
    return None


RULES = (nan_divergence, loss_divergence, loss_spike, oom, interrupted, truncated, plateau, overfitting,
         val_below_train, eval_time_spike, compile_warmup, mfu_warmup_sentinel, mfu_a100_reference)
CODES = tuple(r.__name__ for r in RULES) + ("low_mfu",)


def find(d, facts):
    """All findings of one run, errors first, then in rule order."""
    found = [f for f in (rule(d) for rule in RULES) if f is not None]
    low = low_mfu(d, facts)
    if low is not None:
        found.append(low)
    return sorted(found, key=lambda f: SEVERITIES.index(f.severity))
