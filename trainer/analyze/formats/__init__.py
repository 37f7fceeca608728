"""The log formats the analyzer reads: one module each, one line each in FORMATS.

Every format implements the protocol in base.py and declares what its numbers mean
there; nothing else in the analyzer names a format. Detection tries them in this
order (a tie goes to the earlier one); a fallback format is chosen only when no
other matches.
"""
from trainer.analyze.formats.build_nanogpt import BuildNanoGPT
from trainer.analyze.formats.errors_only import ErrorsOnly
from trainer.analyze.formats.llmc import LlmC
from trainer.analyze.formats.metrics_jsonl import MetricsJsonl
from trainer.analyze.formats.modded import Modded
from trainer.analyze.formats.nanochat import NanoChat
from trainer.analyze.formats.nanogpt import NanoGPT

FORMATS = {cls.name: cls for cls in (
    NanoGPT,
    LlmC,
    Modded,
    BuildNanoGPT,
    MetricsJsonl,
    NanoChat,
    ErrorsOnly,
)}


def not_a_log_message():
    """The error for a file no format recognises, naming the formats it was tried against."""
    titles = [cls.title for cls in FORMATS.values() if not cls.fallback]
    return (f"not a training log this analyzer knows: no {', '.join(titles[:-1])} or {titles[-1]} lines found "
            "(use --format-hint to force one)")
