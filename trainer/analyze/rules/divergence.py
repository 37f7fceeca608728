"""Divergence: a loss that turns NaN, climbs back above a uniform guess, rises and stays up, or spikes.

A uniform guess over V tokens has loss ln V nats; a trained model above it is worse
than guessing. That comparison needs the loss in nats, so it is made only for a
metric in nats (formats declare their eval metric). Logs that hold only eval lines
are judged on their val series.
"""
import math
from dataclasses import dataclass
from typing import Optional

import numpy as np

from trainer.analyze.messages import loss, small, sci, step, text
from trainer.analyze.registry import Found, Mark, finding, steps_of
from trainer.analyze.stats import block_medians, spikes
from trainer.i18n import fmt_float, fmt_int

MIN_BLOCKS = 6  # fewer iteration losses than this many blocks: judge the val series instead


@dataclass
class NanEvidence:
    """The first non-finite loss: step, where (iter or eval), the text printed, the last finite loss and the LR."""
    step: int
    where: str                  # 'iter' or 'eval'
    value: str                  # as the log printed it
    last_finite_step: Optional[int] = None
    last_finite_loss: Optional[float] = None
    lr: Optional[float] = None


def _nan_message(ev, variant, lang):
    last = text("nan_divergence.last", lang, loss=loss(ev.last_finite_loss, lang), step=step(ev.last_finite_step, lang)) \
        if ev.last_finite_step is not None else ""
    lr = text("nan_divergence.lr", lang, lr=sci(ev.lr, lang)) if ev.lr else ""
    return text("nan_divergence", lang, value=ev.value, step=step(ev.step, lang),
                where=text(f"nan_where.{ev.where}", lang), last=last, lr=lr)


@finding("nan_divergence", "error", NanEvidence, message=_nan_message, mark=lambda ev: Mark("line", ev.step))
def nan_divergence(d):
    """The log printed a NaN or infinite loss."""
    nf = d.run.first_nonfinite
    if nf is None:
        return None
    at, where, printed = nf
    before = d.ok & (d.iters < at)
    ev = NanEvidence(int(at), where, printed, lr=d.lr_at(at))
    if before.any():
        ev.last_finite_step, ev.last_finite_loss = int(d.iters[before][-1]), float(d.loss[before][-1])
    return Found(ev, [int(at)])


@dataclass
class DivergenceEvidence:
    """Numbers behind a divergence: which series, its minimum, where it rose or crossed ln V, the level now (loss
    units)."""
    series: str                 # 'iter' (iteration losses, in blocks) or 'val'
    min_step: int
    min_loss: float
    step: int                   # where it crossed ln V, or rose past the threshold
    level: float                # the recent level
    rise: float
    threshold: float
    peak_loss: float
    vocab_size: Optional[int] = None
    ln_vocab: Optional[float] = None


def _divergence_message(ev, variant, lang):
    return text(f"loss_divergence.{variant}", lang, min_loss=loss(ev.min_loss, lang), min_step=step(ev.min_step, lang),
                step=step(ev.step, lang), level=loss(ev.level, lang), rise=small(ev.rise, lang),
                peak=loss(ev.peak_loss, lang), ln_vocab=fmt_float(ev.ln_vocab or math.nan, lang, 2),
                vocab=fmt_int(ev.vocab_size or 0, lang), which=text(f"series.{ev.series}", lang))


def _series(d):
    """(values, steps, points per value, noise of one value) of the series to judge: block medians
    of the iteration losses, or the val losses when there are too few iterations."""
    med, size = block_medians(d.fin_loss, 50)
    if med.size >= MIN_BLOCKS:
        noise = d.iter_noise / math.sqrt(size) if math.isfinite(d.iter_noise) else 0.0
        starts = d.fin_iters[np.arange(med.size) * size]
        return "iter", med, starts, d.fin_iters[np.arange(med.size) * size + size // 2], noise
    steps, v, train = d.vals()
    if v.size < 4:
        return None
    if np.isfinite(train).sum() >= 2 and train[np.isfinite(train)][-1] < train[np.isfinite(train)][0] \
            and not (v > math.log(d.setup.vocab_size or math.inf)).any():
        return None  # val up while train falls is overfitting's call, not divergence
    return "val", v, steps, steps, d.eval_noise


@finding("loss_divergence", "error", DivergenceEvidence, message=_divergence_message,
         mark=lambda ev: Mark("line", ev.step), suppressed_by=("nan_divergence",))
def loss_divergence(d):
    """The loss climbs above ln(vocab) after falling well below it, or rises and stays up; on the val series for
    eval-only logs."""
    series = _series(d)
    if series is None:
        return None
    which, med, starts, centres, noise = series
    kmin = int(np.argmin(med))
    low, first = float(med[kmin]), float(med[0])
    delta = max(0.1 * (first - low), 5 * noise, 0.05 * abs(low))
    after = med[kmin + 1:]
    in_nats = d.fmt.eval_metric == "loss" or which == "iter"
    ln_v = math.log(d.setup.vocab_size) if d.setup.vocab_size and in_nats else None
    variant, k = None, None
    if ln_v is not None and low < ln_v - 0.5 and (after > ln_v).any():
        variant, k = "above_random", kmin + 1 + int(np.argmax(after > ln_v))
    elif kmin < med.size - 3 and first - low > delta and (med[-3:] > low + delta).all():
        # it fell first, then rose: a loss that starts low and climbs to its level (an EMA that
        # is under-debiased in its first steps) never went down, so it cannot have diverged
        variant, k = "rose", kmin + 1 + int(np.argmax(after > low + delta))
    if variant is None:
        return None
    level = float(np.median(med[-3:]))
    ev = DivergenceEvidence(which, int(centres[kmin]), low, int(starts[k]), level, level - low, delta, float(after.max()))
    if ln_v is not None:
        ev.vocab_size, ev.ln_vocab = d.setup.vocab_size, ln_v
    return Found(ev, [ev.min_step, ev.step], variant)


@dataclass
class SpikeEvidence:
    """Loss spikes: how many, the largest and the five largest (step, loss, baseline, jump), the iteration noise."""
    count: int
    largest: dict               # {step, loss, baseline, jump}
    spikes: list                # the five largest, same keys
    noise: float


def _spike_message(ev, variant, lang):
    top = ev.largest
    return text("loss_spike", lang, count=fmt_int(ev.count, lang), step=step(top["step"], lang),
                loss=loss(top["loss"], lang), baseline=loss(top["baseline"], lang), jump=small(top["jump"], lang))


@finding("loss_spike", "warning", SpikeEvidence, message=_spike_message,
         mark=lambda ev: Mark("points", ev.largest["step"], points=tuple((s["step"], s["loss"]) for s in ev.spikes)))
def loss_spike(d):
    """Iteration losses that jump far above the level of the iterations just before them."""
    x, its = d.fin_loss, d.fin_iters
    found = spikes(x)
    if not found:
        return None
    items = [{"step": int(its[i]), "loss": float(x[i]), "baseline": b, "jump": float(x[i]) - b} for i, b in found]
    top = sorted(items, key=lambda s: -s["jump"])[:5]
    return Found(SpikeEvidence(len(items), top[0], top, d.iter_noise), steps_of(s["step"] for s in items))
