"""The loss curves against each other: plateau, overfitting, a widening generalization gap,
memorization, and val below train.

What the numbers mean decides what may be concluded (formats declare it, see
formats/base.py): nanoGPT's `step` line is estimate_loss() in eval mode for both
splits, averaged over eval_iters batches; other formats print no train loss at
eval time, so val is compared with the training loss logged around that step, in
train mode; nanochat's val is in bits per byte, so it is never compared with a
train loss in nats at all, only its direction is.

Every comparison of two evals uses one noise figure, the noise of the difference of
two evals (measures.py), and calls a change real beyond twice it (`threshold`).
"""
import math
from dataclasses import dataclass
from typing import Optional

import numpy as np

from trainer.analyze.messages import joined, loss, sci, sig, small, step, text
from trainer.analyze.registry import Found, Mark, finding, steps_of
from trainer.i18n import fmt_float, fmt_int

GAP_SHARE = 0.5    # val above train by half the train loss or more: the model fits data it does not generalize to
GAP_FLOOR = 0.25   # ... and by a quarter of a nat at least
RESOLUTION_RISE = 0.01  # with no noise estimate but the printing precision, a rise must be 1% of the loss
MEMORIZED = 0.05   # nats per token: near-perfect prediction of the training text
FEW_EVALS = 4      # below this many evals there is no trend to read, only the last gap


def flat_start(v, threshold):
    """Index where the trailing stretch of evals starts in which val no longer improves by more
    than `threshold` (improvement after an eval: it minus the lowest val after it)."""
    improvement = v - np.minimum.accumulate(v[::-1])[::-1]
    k = v.size - 1
    while k > 0 and improvement[k - 1] < threshold:
        k -= 1
    return k, improvement


def noise_how(ev_source, eval_iters, eval_iters_source, lang):
    """How one eval's noise was measured, in words."""
    key = f"noise.{ev_source}" + (".default" if ev_source == "iter_loss" and eval_iters_source == "default" else "")
    return text(key, lang, eval_iters=fmt_int(eval_iters, lang))


@dataclass
class PlateauEvidence:
    """Numbers behind a plateau: the flat window of evals (steps), its improvement and the noise figures (loss
    units), the best val, the LR at its end."""
    window_start: int
    window_end: int
    evals: int
    improvement: float
    noise: float                # one eval's noise
    diff_noise: float           # the noise of the difference of two evals
    threshold: float            # twice diff_noise
    noise_source: str
    eval_iters: int
    eval_iters_source: str
    best_step: int
    best_val: float
    last_val: float
    lr: Optional[float] = None
    lr_floor: Optional[float] = None   # the config's min_lr
    lr_peak: Optional[float] = None    # the highest LR the log printed
    lr_multiplier: Optional[bool] = None  # lr is a factor of the peak learning rate (nanochat's lrm)


def _plateau_message(ev, variant, lang):
    head = text("plateau", lang, start=step(ev.window_start, lang), end=step(ev.window_end, lang),
                evals=fmt_int(ev.evals, lang), improvement=small(ev.improvement, lang), diff=small(ev.diff_noise, lang),
                threshold=small(ev.threshold, lang), noise=small(ev.noise, lang),
                noise_how=noise_how(ev.noise_source, ev.eval_iters, ev.eval_iters_source, lang),
                best_val=loss(ev.best_val, lang), best_step=step(ev.best_step, lang))
    of, lr = "", sci(ev.lr, lang) if ev.lr else ""
    if ev.lr_multiplier:
        lr = text("plateau.lr_multiplier", lang, x=fmt_float(ev.lr, lang, 2))
    elif ev.lr_floor is not None:
        of = text("plateau.lr_floor", lang, floor=sci(ev.lr_floor, lang))
    elif ev.lr_peak is not None:
        of = text("plateau.lr_peak", lang, peak=sci(ev.lr_peak, lang))
    advice = text(f"plateau.{variant}", lang, lr=lr, step=step(ev.window_end, lang), of=of)
    return joined([head, advice], lang)


@finding("plateau", "warning", PlateauEvidence, message=_plateau_message,
         mark=lambda ev: Mark("span", ev.window_start, ev.window_end),
         suppressed_by=("overfitting", "generalization_gap", "loss_divergence"))
def plateau(d):
    """The trailing evals (3 or more) improve val by less than twice the difference noise; the advice follows the
    learning rate."""
    steps, v, _ = d.vals()
    if v.size < 4:
        return None
    k, improvement = flat_start(v, d.threshold)
    if v.size - k < 3:
        return None
    best = int(np.argmin(v))
    end = int(steps[-1])
    s = d.setup
    ev = PlateauEvidence(int(steps[k]), end, int(v.size - k), float(improvement[k]), d.eval_noise, d.diff_noise,
                         d.threshold, d.eval_noise_source, s.eval_iters, s.eval_iters_source, int(steps[best]),
                         float(v[best]), float(v[-1]), lr=d.lr_at(end))
    if s.cfg is not None and d.fmt.max_steps_from == "config":
        ev.lr_floor = s.cfg.min_lr
    elif d.fmt.lr_printed == "multiplier":
        ev.lr_multiplier = ev.lr is not None or None
    elif d.run.lr is not None and np.isfinite(d.run.lr).any():
        ev.lr_peak = float(np.nanmax(np.asarray(d.run.lr)))
    variant = {"decaying": "decaying", "done": "done"}.get(d.lr_state(end), "unknown")
    return Found(ev, steps_of([steps[k], steps[best], steps[-1]]), variant)


@dataclass
class OverfittingEvidence:
    """Numbers behind overfitting: the best and last val, the rise, the train losses and where they come from
    (loss units)."""
    last_step: int
    last_val: float
    train_last: float
    train_source: str           # 'eval' (the eval line's train loss) or 'iter' (iteration losses around it)
    threshold: float
    best_step: Optional[int] = None
    best_val: Optional[float] = None
    rise: Optional[float] = None
    train_at_best: Optional[float] = None
    gap: Optional[float] = None
    always_save_checkpoint: Optional[bool] = None


def _overfitting_message(ev, variant, lang):
    note = text("overfitting.ckpt", lang) if ev.always_save_checkpoint else ""
    how = text(f"train_how.{ev.train_source}", lang)
    if variant == "gap":
        return text("overfitting.gap", lang, step=step(ev.last_step, lang), val=loss(ev.last_val, lang),
                    train=loss(ev.train_last, lang), gap=small(ev.gap, lang),
                    ratio=fmt_float(ev.last_val / ev.train_last, lang, 1) if ev.train_last > 0 else "∞",
                    train_how=how)
    return text("overfitting", lang, best_val=loss(ev.best_val, lang), best_step=step(ev.best_step, lang),
                last_val=loss(ev.last_val, lang), last_step=step(ev.last_step, lang), rise=small(ev.rise, lang),
                threshold=small(ev.threshold, lang), train_best=loss(ev.train_at_best, lang),
                train_last=loss(ev.train_last, lang), train_how=how, ckpt_note=note)


def _trend(d, steps, i, j):
    """(train at eval i, train at eval j, source): comparable train losses if the format has them,
    else the iteration losses, whose direction is all that is used."""
    tr = d.train_at(steps)
    if tr is not None and math.isfinite(tr[0][i]) and math.isfinite(tr[0][j]):
        return float(tr[0][i]), float(tr[0][j]), tr[2]
    half = max(1, int(np.median(np.diff(steps))) // 2) if steps.size > 1 else 5
    return d.iter_loss_near(int(steps[i]), half)[0], d.iter_loss_near(int(steps[j]), half)[0], "iter"


@finding("overfitting", "warning", OverfittingEvidence, message=_overfitting_message,
         mark=lambda ev: Mark("line", ev.best_step if ev.best_step is not None else ev.last_step))
def overfitting(d):
    """Val rose beyond twice the difference noise after its minimum while train fell ('rose'), or with fewer than
    4 evals val is far above train ('gap')."""
    steps, v, _ = d.vals()
    if v.size == 0:
        return None
    b, last = int(np.argmin(v)), v.size - 1
    rise = float(v[-1] - v[b])
    floor = RESOLUTION_RISE * abs(float(v[b])) if d.eval_noise_source == "resolution" else 0.0
    if b < last and rise > max(d.threshold, floor):
        t_best, t_last, source = _trend(d, steps, b, last)
        if t_last < t_best:
            ev = OverfittingEvidence(int(steps[-1]), float(v[-1]), t_last, source, d.threshold, int(steps[b]),
                                     float(v[b]), rise, t_best)
            if d.setup.cfg is not None:
                ev.always_save_checkpoint = d.setup.cfg.always_save_checkpoint
            return Found(ev, [int(steps[b]), int(steps[-1])], "rose")
    tr = d.train_at(steps) if v.size < FEW_EVALS else None  # with more evals, the trends speak (gap, plateau)
    if tr is None or steps[-1] == 0:
        return None
    t_last = float(tr[0][-1])
    gap = float(v[-1]) - t_last
    if math.isfinite(gap) and gap > max(GAP_SHARE * t_last, GAP_FLOOR, d.threshold):
        ev = OverfittingEvidence(int(steps[-1]), float(v[-1]), t_last, tr[2], d.threshold, gap=gap)
        return Found(ev, [int(steps[-1])], "gap")
    return None


@dataclass
class GapEvidence:
    """Numbers behind a widening gap: the flat window (steps), val, train and val - train at its ends (loss
    units), and the threshold."""
    start_step: int
    end_step: int
    evals: int
    val_start: float
    val_end: float
    train_start: float
    train_end: float
    train_source: str
    gap_start: float
    gap_end: float
    widening: float
    threshold: float            # twice the noise of a change of the gap


def _gap_message(ev, variant, lang):
    return text("generalization_gap", lang, start=step(ev.start_step, lang), end=step(ev.end_step, lang),
                evals=fmt_int(ev.evals, lang), val_start=loss(ev.val_start, lang), val_end=loss(ev.val_end, lang),
                train_start=loss(ev.train_start, lang), train_end=loss(ev.train_end, lang),
                gap_start=small(ev.gap_start, lang), gap_end=small(ev.gap_end, lang), widening=small(ev.widening, lang),
                threshold=small(ev.threshold, lang), train_how=text(f"train_how.{ev.train_source}", lang))


@finding("generalization_gap", "warning", GapEvidence, message=_gap_message,
         mark=lambda ev: Mark("span", ev.start_step, ev.end_step), suppressed_by=("overfitting",))
def generalization_gap(d):
    """Val flat while train falls: val - train widens by more than twice the noise of its change over the flat
    window."""
    steps, v, _ = d.vals()
    tr = d.train_at(steps) if v.size >= 3 else None
    if tr is None:
        return None
    t, t_sigma, source = tr
    k, _ = flat_start(v, d.threshold)
    k = max(k, 1 if steps[0] == 0 else 0)  # step 0 is the untrained model
    if v.size - k < 3 or not (math.isfinite(t[k]) and math.isfinite(t[-1])):
        return None
    g0, g1 = float(v[k] - t[k]), float(v[-1] - t[-1])
    threshold = 2 * math.sqrt(2) * math.hypot(d.eval_noise, t_sigma)
    if g1 - g0 > threshold and t[k] - t[-1] > threshold:
        ev = GapEvidence(int(steps[k]), int(steps[-1]), int(v.size - k), float(v[k]), float(v[-1]), float(t[k]),
                         float(t[-1]), source, g0, g1, g1 - g0, threshold)
        return Found(ev, [int(steps[k]), int(steps[-1])])
    return None


@dataclass
class MemorizationEvidence:
    """The recent training loss (nats per token), its perplexity, and epochs over the data when known."""
    step: int
    train_loss: float           # the recent training loss level, nats per token
    threshold: float
    perplexity: float
    source: str                 # 'iter' or 'eval'
    epochs: Optional[float] = None
    data_tokens: Optional[int] = None


def _memorization_message(ev, variant, lang):
    epochs = ""
    if ev.epochs is not None:
        epochs = text("memorization.epochs", lang, epochs=sig(ev.epochs, lang),
                      tokens=fmt_int(ev.data_tokens, lang) if ev.data_tokens else "?")
    return text("memorization", lang, loss=sig(ev.train_loss, lang, 2, 4), step=step(ev.step, lang),
                ppl=fmt_float(ev.perplexity, lang, 3), threshold=fmt_float(ev.threshold, lang, 2), epochs=epochs)


@finding("memorization", "warning", MemorizationEvidence, message=_memorization_message,
         mark=lambda ev: Mark("line", ev.step))
def memorization(d):
    """The training loss is below MEMORIZED nats per token: the model recites its training data."""
    if d.fin_loss.size >= 5:
        tail = d.fin_loss[-max(5, d.fin_loss.size // 50):]
        level, at, source = float(np.median(tail)), int(d.fin_iters[-1]), "iter"
    else:
        steps, _, train = d.vals()
        ok = np.isfinite(train)
        if not ok.any():
            return None
        level, at, source = float(train[ok][-1]), int(steps[ok][-1]), "eval"
    if not 0 <= level < MEMORIZED:
        return None
    ev = MemorizationEvidence(at, level, MEMORIZED, math.exp(level), source, d.facts.get("epochs"),
                              d.facts.get("data_tokens"))
    return Found(ev, [at])


@dataclass
class BelowEvidence:
    """Numbers behind val < train: the last such eval, the gap, the noise of the difference and their ratio, how
    train was measured."""
    line: str                   # where the train loss comes from: step, eval_record, train_step
    mode: str                   # 'eval' or 'train'
    step: int
    train_loss: float
    val_loss: float
    gap: float
    noise: float                # the noise of the difference val - train
    gap_over_noise: float
    count: int
    evals: int
    likely: str                 # sampling_noise (ratio <= 1), unclear (<= 2), split_difference
    mechanisms: list
    eval_iters: int
    dropout: Optional[float] = None


def _below_message(ev, variant, lang):
    head = text("val_below_train.head", lang, count=fmt_int(ev.count, lang), evals=fmt_int(ev.evals, lang),
                step=step(ev.step, lang), val=loss(ev.val_loss, lang), train=loss(ev.train_loss, lang),
                where=text(f"where.{ev.line}", lang))
    dropout = text("dropout.on", lang) if "dropout" in ev.mechanisms else ""
    ratio = ev.gap_over_noise
    body = text(f"val_below_train.{variant}", lang, gap=small(ev.gap, lang), noise=small(ev.noise, lang),
                ratio=fmt_float(ratio, lang, 1) if math.isfinite(ratio) else "∞",
                eval_iters=fmt_int(ev.eval_iters, lang), dropout=dropout)
    return joined([head, body], lang)


@finding("val_below_train", "info", BelowEvidence, message=_below_message,
         mark=lambda ev: Mark("line", ev.step))
def val_below_train(d):
    """Val below a comparable train loss after step 0; the words follow the gap over its noise (<= 1, <= 2, > 2)."""
    steps, v, _ = d.vals()
    tr = d.train_at(steps) if v.size else None
    if tr is None:
        return None
    t, t_sigma, source = tr
    mode = "eval" if source == "eval" else "train"
    noise = d.diff_noise if mode == "eval" else math.hypot(t_sigma, d.eval_noise)
    counted = np.isfinite(t) & (steps > 0)  # at step 0 the model is untrained: both are ~ln V
    below = counted & (v < t - 1e-9)
    if not below.any():
        return None
    i = int(np.nonzero(below)[0][-1])
    gap = float(t[i] - v[i])
    ratio = gap / noise if noise > 0 else math.inf
    if below.sum() < 2 and ratio <= 1:
        return None  # once, and within the noise: nothing to explain
    likely = "sampling_noise" if ratio <= 1 else ("unclear" if ratio <= 2 else "split_difference")
    mechanisms = ["split_difference", "sampling_noise"]
    if mode == "train":
        mechanisms = (["dropout"] if (d.setup.dropout or 0) > 0 else []) + ["measured_during_update"] + mechanisms
    ev = BelowEvidence(d.fmt.eval_train_where if mode == "eval" else "train_step", mode, int(steps[i]), float(t[i]),
                       float(v[i]), gap, noise, ratio, int(below.sum()), int(counted.sum()), likely, mechanisms,
                       d.setup.eval_iters, d.setup.dropout)
    return Found(ev, steps_of(steps[below]), f"{mode}_{likely}")
