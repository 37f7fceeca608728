"""A finding's message in one language: its evidence, formatted, in its catalog template."""
import math

from trainer.i18n import fmt_float, fmt_int, fmt_pct, fmt_sci, t
from trainer.i18n.findings_loss import LOSS_FINDINGS
from trainer.i18n.findings_run import RUN_FINDINGS
from trainer.i18n.report_labels import LABELS

CATALOG = {**LOSS_FINDINGS, **RUN_FINDINGS}  # every finding's templates, by key (the two share none)


def label(key, lang, **fields):
    return t(LABELS, key, lang, **fields)


def loss(x, lang):
    return fmt_float(x, lang, 4) if x is not None and math.isfinite(x) else str(x)


def small(x, lang):
    return fmt_float(x, lang, 4)


def duration(ms, lang):
    """135.2 -> '135.2 ms'; 4238.9 -> '4.24 s'; 24250.8 -> '24.3 s'."""
    if abs(ms) >= 1000:
        return f"{fmt_float(ms / 1000, lang, 2 if abs(ms) < 10_000 else 1)}\u00a0{label('unit.s', lang)}"
    return f"{fmt_float(ms, lang, 1)}\u00a0ms"


def step(n, lang):
    return fmt_int(n, lang)


def _at(ev, lang):
    s = ev.get("step")
    return t(CATALOG, "at.before", lang) if s is None else t(CATALOG, "at.after", lang, step=step(s, lang))


def _plateau(f, ev, lang):
    lr = ev.get("lr")
    lr_part = t(CATALOG, "plateau.lr", lang, lr=fmt_sci(lr, lang, 2), step=step(ev["window_end"], lang)) if lr else ""
    return t(CATALOG, "plateau", lang, start=step(ev["window_start"], lang), end=step(ev["window_end"], lang),
             evals=fmt_int(ev["evals"], lang), improvement=small(ev["improvement"], lang),
             threshold=small(ev["threshold"], lang), noise=small(ev["noise"], lang),
             noise_how=t(CATALOG, f"noise.{ev['noise_source']}", lang, eval_iters=fmt_int(ev["eval_iters"], lang)),
             best_val=loss(ev["best_val"], lang), best_step=step(ev["best_step"], lang), lr_part=lr_part)


def _overfitting(f, ev, lang):
    note = t(CATALOG, "overfitting.ckpt", lang) if ev.get("always_save_checkpoint") else ""
    return t(CATALOG, "overfitting", lang, best_val=loss(ev["best_val"], lang), best_step=step(ev["best_step"], lang),
             last_val=loss(ev["last_val"], lang), last_step=step(ev["last_step"], lang), rise=small(ev["rise"], lang),
             threshold=small(ev["threshold"], lang), train_best=loss(ev["train_at_best"], lang),
             train_last=loss(ev["train_last"], lang), train_how=t(CATALOG, f"train_how.{ev['train_source']}", lang),
             ckpt_note=note)


def _val_below_train(f, ev, lang):
    head = t(CATALOG, "val_below_train.head", lang, count=fmt_int(ev["count"], lang), evals=fmt_int(ev["evals"], lang),
             step=step(ev["step"], lang), val=loss(ev["val_loss"], lang), train=loss(ev["train_loss"], lang),
             where=t(CATALOG, f"where.{ev['line']}", lang))
    dropout = t(CATALOG, "dropout.on", lang) if "dropout" in ev["mechanisms"] else ""
    ratio = ev["gap_over_noise"]
    body = t(CATALOG, f"val_below_train.{f.variant}", lang, gap=small(ev["gap"], lang), noise=small(ev["noise"], lang),
             ratio=fmt_float(ratio, lang, 1) if math.isfinite(ratio) else "∞",
             eval_iters=fmt_int(ev["eval_iters"], lang), dropout=dropout)
    return head + ("" if lang == "zh-Hant" else " ") + body


def _nan_divergence(f, ev, lang):
    last = ""
    if "last_finite_step" in ev:
        last = t(CATALOG, "nan_divergence.last", lang, loss=loss(ev["last_finite_loss"], lang),
                 step=step(ev["last_finite_step"], lang))
    lr = t(CATALOG, "nan_divergence.lr", lang, lr=fmt_sci(ev["lr"], lang, 2)) if ev.get("lr") else ""
    return t(CATALOG, "nan_divergence", lang, value=ev["value"], step=step(ev["step"], lang),
             where=t(CATALOG, f"nan_where.{ev['where']}", lang), last=last, lr=lr)


def _loss_divergence(f, ev, lang):
    return t(CATALOG, f"loss_divergence.{f.variant}", lang, min_loss=loss(ev["min_loss"], lang),
             min_step=step(ev["min_step"], lang), step=step(ev["step"], lang), level=loss(ev["level"], lang),
             rise=small(ev["rise"], lang), peak=loss(ev["peak_loss"], lang),
             ln_vocab=fmt_float(ev.get("ln_vocab", math.nan), lang, 2), vocab=fmt_int(ev.get("vocab_size") or 0, lang))


def _loss_spike(f, ev, lang):
    top = ev["largest"]
    return t(CATALOG, "loss_spike", lang, count=fmt_int(ev["count"], lang), step=step(top["step"], lang),
             loss=loss(top["loss"], lang), baseline=loss(top["baseline"], lang), jump=small(top["jump"], lang))


def _oom(f, ev, lang):
    suggest = ""
    if "suggested_batch_size" in ev:
        suggest = t(CATALOG, "oom.suggest", lang, bs=fmt_int(ev["batch_size"], lang),
                    new_bs=fmt_int(ev["suggested_batch_size"], lang), ga=fmt_int(ev["gradient_accumulation_steps"], lang),
                    new_ga=fmt_int(ev["suggested_accumulation"], lang))
    return t(CATALOG, f"oom.{f.variant}", lang, step=step(ev["step"] or 0, lang), text=ev["text"], suggest=suggest)


def _interrupted(f, ev, lang):
    if f.variant == "incomplete":
        return t(CATALOG, "interrupted.incomplete", lang, step=step(ev["step"], lang),
                 progress=fmt_pct(100 * ev["progress"], lang, 1), max_steps=step(ev["max_steps"], lang))
    return t(CATALOG, f"interrupted.{f.variant}", lang, at=_at(ev, lang), text=ev.get("text", ""))


def _truncated(f, ev, lang):
    return t(CATALOG, "truncated", lang, line=ev["line"])


def _eval_time_spike(f, ev, lang):
    mfu = t(CATALOG, "eval_time_spike.mfu", lang, dip=fmt_float(ev["mfu_dip_pct"], lang, 1)) if "mfu_dip_pct" in ev else ""
    return t(CATALOG, "eval_time_spike", lang, count=fmt_int(ev["count"], lang), median=duration(ev["median_ms"], lang),
             eval_median=duration(ev["eval_median_ms"], lang), eval_max=duration(ev["eval_max_ms"], lang),
             overhead=duration(ev["overhead_ms"], lang), mfu=mfu)


def _compile_warmup(f, ev, lang):
    cause = {True: "compile", False: "nocompile"}.get(ev.get("compile"), "unknown")
    eval_clause = t(CATALOG, "compile.eval", lang, step=step(ev["step"], lang)) if ev["includes_eval"] else ""
    return t(CATALOG, "compile_warmup", lang, step=step(ev["step"], lang), time=duration(ev["time_ms"], lang),
             ratio=fmt_float(ev["ratio"], lang, 1), median=duration(ev["median_ms"], lang),
             cause=t(CATALOG, f"compile.cause.{cause}", lang), eval=eval_clause, excess=duration(ev["excess_ms"], lang))


def _mfu_warmup_sentinel(f, ev, lang):
    first = ""
    if "first_value_step" in ev:
        first = t(CATALOG, "mfu_warmup_sentinel.first", lang, value=fmt_pct(ev["first_value_pct"], lang, 2),
                  step=step(ev["first_value_step"], lang))
    return t(CATALOG, "mfu_warmup_sentinel", lang, count=fmt_int(ev["count"], lang),
             last=step(ev["last_sentinel_step"], lang), first=first)


def _mfu_a100_reference(f, ev, lang):
    key = "mfu_a100_reference.device" if f.variant == "device" else "mfu_a100_reference"
    fields = {"mfu": fmt_pct(ev["mfu_pct"], lang, 1), "a100": fmt_float(ev["a100_peak_tflops"], lang, 0)}
    if f.variant == "device":
        fields.update(device=ev["device"], peak=fmt_float(ev["device_peak_tflops"], lang, 1),
                      mfu_device=fmt_pct(ev["mfu_device_pct"], lang, 1), factor=fmt_float(ev["factor"], lang, 2))
    return t(CATALOG, key, lang, **fields)


def _low_mfu(f, ev, lang):
    return t(CATALOG, "low_mfu", lang, mfu=fmt_pct(ev["mfu_pct"], lang, 1),
             device=ev.get("device") or t(CATALOG, "device.unknown", lang),
             how=t(CATALOG, f"low_mfu.how.{ev['source']}", lang), threshold=fmt_pct(ev["threshold_pct"], lang, 0))


RENDER = {
    "plateau": _plateau, "overfitting": _overfitting, "val_below_train": _val_below_train,
    "nan_divergence": _nan_divergence, "loss_divergence": _loss_divergence, "loss_spike": _loss_spike,
    "oom": _oom, "interrupted": _interrupted, "truncated": _truncated, "eval_time_spike": _eval_time_spike,
    "compile_warmup": _compile_warmup, "mfu_warmup_sentinel": _mfu_warmup_sentinel,
    "mfu_a100_reference": _mfu_a100_reference, "low_mfu": _low_mfu,
}


def message(finding, lang):
    """The finding's plain-language message, with what to try, in `lang`."""
    return RENDER[finding.code](finding, finding.evidence, lang)
