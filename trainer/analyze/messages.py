"""Number formatting for findings and reports, and a finding's message in one language.

The words live in the catalogs (trainer/i18n/findings_loss.py, findings_run.py,
report_labels.py); each finding's own message function (next to its rule, in rules/)
formats its evidence with the helpers here and fills its catalog template.
"""
import math

from trainer.analyze.registry import message  # noqa: F401  (the public entry: message(finding, lang))
from trainer.i18n import fmt_float, fmt_int, fmt_pct, fmt_sci, t
from trainer.i18n.findings_divergence import DIVERGENCE_FINDINGS
from trainer.i18n.findings_loss import LOSS_FINDINGS
from trainer.i18n.findings_run import RUN_FINDINGS
from trainer.i18n.report_labels import LABELS

CATALOGS = (LOSS_FINDINGS, DIVERGENCE_FINDINGS, RUN_FINDINGS)
CATALOG = {k: v for c in CATALOGS for k, v in c.items()}  # every finding's templates, by key (they share none)


def text(key, lang, **fields):
    """A finding template from the catalog, filled."""
    return t(CATALOG, key, lang, **fields)


def label(key, lang, **fields):
    """A report label from the catalog, filled."""
    return t(LABELS, key, lang, **fields)


def loss(x, lang):
    """A loss as logs print it: 4 decimals."""
    return fmt_float(x, lang, 4) if x is not None and math.isfinite(x) else str(x)


def small(x, lang):
    """A small loss difference: 4 decimals."""
    return fmt_float(x, lang, 4)


def sig_decimals(x, digits=3, most=6, least=1):
    """Decimals that show `digits` significant digits of x (0.0384 -> 4, 187.43 -> 1), within [least, most]."""
    if x == 0 or not math.isfinite(x):
        return least
    return max(least, min(most, digits - 1 - int(math.floor(math.log10(abs(x))))))


def sig(x, lang, digits=3, most=6, least=1):
    """x with `digits` significant digits, so small numbers do not print as 0.0."""
    return fmt_float(x, lang, sig_decimals(x, digits, most, least))


def pct(x, lang, digits=3, most=2):
    """A percentage with significant digits, at most `most` decimals (logs print MFU with 2)."""
    return fmt_pct(x, lang, sig_decimals(x, digits, most))


def duration(ms, lang):
    """135.2 -> '135.2 ms'; 4238.9 -> '4.24 s'; 24250.8 -> '24.3 s'."""
    if abs(ms) >= 1000:
        return f"{fmt_float(ms / 1000, lang, 2 if abs(ms) < 10_000 else 1)}\u00a0{label('unit.s', lang)}"
    return f"{fmt_float(ms, lang, 1)}\u00a0ms"


def step(n, lang):
    """A step number, grouped for the language."""
    return fmt_int(n, lang)


def sci(x, lang):
    """A learning rate: scientific notation, 2 decimals."""
    return fmt_sci(x, lang, 2)


def joined(parts, lang):
    """Message parts joined the way the language joins sentences (no spaces in Chinese)."""
    return ("" if lang == "zh-Hant" else " ").join(p for p in parts if p)
