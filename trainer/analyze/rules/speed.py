"""Time and MFU: slow eval iterations, the first iteration's warm-up, MFU placeholders, what
the printed MFU is relative to, and an MFU that is low on the GPU that ran.

Formats declare whether an iteration's time includes its eval, what the printed MFU
divides by (nanoGPT: the A100's 312 TFLOPS whatever ran; llm.c: the running GPU),
and which printed value means "no measurement" (formats/base.py).
"""
import math
from dataclasses import dataclass
from typing import Optional

import numpy as np

from trainer.analyze.messages import duration, joined, pct, sig, step, text
from trainer.analyze.registry import Found, finding, steps_of
from trainer.i18n import fmt_float, fmt_int, fmt_pct

LOW_MFU_PCT = 15.0     # below this share of the device's peak, the GPU mostly waits
EVAL_SLOW = 2.0        # an eval iteration this many times the median is an eval_time_spike
COMPILE_SLOW = 3.0     # a first iteration this many times the median is compile_warmup


@dataclass
class EvalTimeEvidence:
    """Times in ms: the usual iteration, the eval iterations (median, max), their extra cost; the MFU dip in
    points."""
    median_ms: float
    eval_median_ms: float
    eval_max_ms: float
    overhead_ms: float
    count: int
    evals_logged: int
    mfu_dip_pct: Optional[float] = None


def _eval_time_message(ev, variant, lang):
    mfu = text("eval_time_spike.mfu", lang, dip=sig(ev.mfu_dip_pct, lang, 2, 4)) if ev.mfu_dip_pct else ""
    return text("eval_time_spike", lang, count=fmt_int(ev.count, lang), median=duration(ev.median_ms, lang),
                eval_median=duration(ev.eval_median_ms, lang), eval_max=duration(ev.eval_max_ms, lang),
                overhead=duration(ev.overhead_ms, lang), mfu=mfu)


@finding("eval_time_spike", "info", EvalTimeEvidence, message=_eval_time_message)
def eval_time_spike(d):
    """Iterations whose time includes an eval are far slower than the rest (formats whose time includes the eval)."""
    if d.steady_time_ms is None or not d.fmt.iter_time_includes_eval:
        return None
    idx = np.nonzero(d.is_eval_iter & np.isfinite(d.time))[0]
    idx = idx[idx > 0]
    slow = idx[d.time[idx] > EVAL_SLOW * d.steady_time_ms]
    if slow.size == 0:
        return None
    t = d.time[slow]
    ev = EvalTimeEvidence(d.steady_time_ms, float(np.median(t)), float(t.max()), float(np.median(t)) - d.steady_time_ms,
                          int(slow.size), int(idx.size))
    if d.fmt.mfu_running_average:  # the running MFU drops at each of them
        prev, cur = d.mfu[slow - 1], d.mfu[slow]
        ok = d.mfu_valid[slow - 1] & d.mfu_valid[slow]
        if ok.any():
            ev.mfu_dip_pct = float(np.median(prev[ok] - cur[ok]))
    return Found(ev, steps_of(d.iters[slow]))


@dataclass
class WarmupEvidence:
    """The first iteration's time and the usual one (ms), the one-off excess, and the eval share when it is known."""
    step: int
    time_ms: float
    median_ms: float
    excess_ms: float            # the one-off cost: the first time minus a usual one (and minus its eval, if known)
    ratio: float                # (the first time minus its eval) / the usual time
    includes_eval: bool
    eval_overhead_ms: Optional[float] = None   # what every later eval iteration costs on top
    compile: Optional[bool] = None


def _warmup_message(ev, variant, lang):
    cause = {True: "compile", False: "nocompile"}.get(ev.compile, "unknown")
    head = text("compile_warmup", lang, step=step(ev.step, lang), time=duration(ev.time_ms, lang),
                ratio=fmt_float(ev.time_ms / ev.median_ms, lang, 1), median=duration(ev.median_ms, lang))
    parts = [head]
    if variant == "eval":
        parts.append(text("compile.eval", lang, step=step(ev.step, lang), overhead=duration(ev.eval_overhead_ms, lang)))
    elif variant == "eval_unseparated":
        parts.append(text("compile.eval_unseparated", lang, step=step(ev.step, lang)))
    parts.append(text("compile.rest", lang, excess=duration(ev.excess_ms, lang),
                      cause=text(f"compile.cause.{cause}", lang)))
    return joined(parts, lang)


@finding("compile_warmup", "info", WarmupEvidence, message=_warmup_message)
def compile_warmup(d):
    """The first iteration of a process takes over COMPILE_SLOW times the usual, its eval subtracted when later
    evals show its cost."""
    if d.steady_time_ms is None or not d.first_is_start or not math.isfinite(d.time[0]):
        return None
    t0, usual = float(d.time[0]), d.steady_time_ms
    includes_eval = d.fmt.iter_time_includes_eval and bool(d.is_eval_iter[0])
    overhead = d.eval_overhead_ms if includes_eval else None
    own = t0 - (overhead or 0.0)  # the first iteration without the eval it ran, where that is known
    if own <= COMPILE_SLOW * usual:
        return None  # slow only by its eval: every eval iteration is
    variant = "" if not includes_eval else ("eval" if overhead is not None else "eval_unseparated")
    compiled = d.fmt.compiles
    if compiled is None:
        compiled = d.run.header.get("compile", d.setup.cfg.compile if d.setup.cfg else None)
    ev = WarmupEvidence(int(d.iters[0]), t0, usual, own - usual, own / usual, includes_eval, overhead,
                        None if compiled is None else bool(compiled))
    return Found(ev, [int(d.iters[0])], variant)


@dataclass
class SentinelEvidence:
    """nanoGPT's MFU placeholder: how many lines print it, until which step, and the first real value (percent)."""
    count: int
    last_sentinel_step: int
    value: float                # the placeholder as printed
    first_value_step: Optional[int] = None
    first_value_pct: Optional[float] = None


def _sentinel_message(ev, variant, lang):
    first = ""
    if ev.first_value_step is not None:
        first = text("mfu_warmup_sentinel.first", lang, value=fmt_pct(ev.first_value_pct, lang, 2),  # as printed
                     step=step(ev.first_value_step, lang))
    return text("mfu_warmup_sentinel", lang, count=fmt_int(ev.count, lang), last=step(ev.last_sentinel_step, lang),
                first=first, value=f"{ev.value:.2f}%")  # a log's text stays as printed


@finding("mfu_warmup_sentinel", "info", SentinelEvidence, message=_sentinel_message)
def mfu_warmup_sentinel(d):
    """Lines print the format's warm-up MFU placeholder instead of a measurement."""
    if d.fmt.mfu_sentinel_meaning != "warmup":
        return None
    sent = np.nonzero(d.mfu == d.fmt.mfu_sentinel)[0]
    if sent.size == 0:
        return None
    ev = SentinelEvidence(int(sent.size), int(d.iters[sent[-1]]), d.fmt.mfu_sentinel)
    later = np.nonzero((np.arange(d.mfu.size) > sent[-1]) & d.mfu_valid)[0]
    if later.size:
        ev.first_value_step, ev.first_value_pct = int(d.iters[later[0]]), float(d.mfu[later[0]])
    return Found(ev, steps_of(d.iters[sent]))


@dataclass
class ReferenceEvidence:
    """The printed MFU (percent), the GPU and peak (TFLOPS) it divides by, and the same throughput on the run's
    device."""
    mfu_pct: float
    tool: str                   # the trainer that hard-codes the reference
    reference: str              # the GPU whose peak it divides by
    reference_peak_tflops: float
    device: Optional[str] = None
    device_peak_tflops: Optional[float] = None
    factor: Optional[float] = None
    mfu_device_pct: Optional[float] = None


def _reference_message(ev, variant, lang):
    fields = {"mfu": pct(ev.mfu_pct, lang), "tool": ev.tool, "reference": ev.reference,
              "peak": fmt_float(ev.reference_peak_tflops, lang, 0)}
    if variant == "device":
        fields.update(device=ev.device, device_peak=fmt_float(ev.device_peak_tflops, lang, 1),
                      mfu_device=pct(ev.mfu_device_pct, lang), factor=fmt_float(ev.factor, lang, 2))
    return text("mfu_reference" + (".device" if variant == "device" else ""), lang, **fields)


@finding("mfu_reference", "info", ReferenceEvidence, message=_reference_message)
def mfu_reference(d):
    """The printed MFU divides by a fixed GPU's peak whatever GPU ran (formats declare it)."""
    if not d.mfu_reference_fixed or d.printed_mfu is None:
        return None
    name, peak = d.mfu_reference
    ev = ReferenceEvidence(d.printed_mfu, d.fmt.title, name, peak / 1e12)
    if d.setup.device:
        dev, dev_peak = d.setup.device
        ev.device, ev.device_peak_tflops, ev.factor = dev, dev_peak / 1e12, peak / dev_peak
        ev.mfu_device_pct = d.printed_mfu * peak / dev_peak
        return Found(ev, [], "device")
    return Found(ev, [])


@dataclass
class LowMfuEvidence:
    """The MFU on the run's own device (percent), the threshold, and how it was obtained."""
    mfu_pct: float
    threshold_pct: float
    source: str                 # renormalized, trainer, printed, recomputed
    device: Optional[str] = None


def _low_mfu_message(ev, variant, lang):
    return text("low_mfu", lang, mfu=pct(ev.mfu_pct, lang), device=ev.device or text("device.unknown", lang),
                how=text(f"low_mfu.how.{ev.source}", lang), threshold=fmt_pct(ev.threshold_pct, lang, 0))


@finding("low_mfu", "warning", LowMfuEvidence, message=_low_mfu_message)
def low_mfu(d):
    """Judged on the device's own peak only: an MFU relative to another GPU says nothing about this one."""
    mfu = d.facts.get("mfu", {})
    device = d.setup.device[0] if d.setup.device else d.run.header.get("device")
    candidates = (("renormalized", mfu.get("renormalized_device_pct")), ("trainer", mfu.get("trainer_device_pct")),
                  ("printed", d.printed_mfu if (d.mfu_reference is None or not d.mfu_reference_fixed) else None),
                  ("recomputed", mfu.get("recomputed_device_pct")))
    for source, value in candidates:
        if value is not None and (source != "printed" or device):
            if value >= LOW_MFU_PCT:
                return None
            return Found(LowMfuEvidence(value, LOW_MFU_PCT, source, device), [], source)
    return None
