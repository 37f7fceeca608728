"""`python -m trainer train --help`: the usage text, with every config key, its default and its meaning.

Kept apart from train.py so that the loop stays short and help text edits never
touch the numerics code (whose hash decides what the gallery retrains).
"""
import re

from trainer.config import FIELDS


def usage():
    lines = [
        "usage: python -m trainer train [CONFIG.py] [--key=value ...]",
        "       torchrun --nproc_per_node=N -m trainer train [CONFIG.py] [--key=value ...]",
        "",
        "Trains a GPT the way nanoGPT's train.py does. CONFIG.py is a nanoGPT config file",
        "(plain `name = value` lines; it is parsed, never executed); --key=value overrides",
        "are applied after it, in order. Writes out_dir/ckpt.pt, out_dir/train.log (the",
        "console) and out_dir/metrics.jsonl (one JSON object per logged iteration and eval).",
        "",
        "The `mfu` printed on `iter` lines is nanoGPT's number: FLOPs achieved relative to",
        "the A100's 312 TFLOPS bf16 peak, whatever the device, for compatibility with",
        "nanoGPT logs. metrics.jsonl records it as mfu_a100 and also mfu_device, relative",
        "to this device's peak (a table for GPUs, a measured matmul peak for CPUs).",
        "",
        "config keys and their defaults (nanoGPT's, except device and dtype; pos and below are Plateau's):",
    ]
    notes = _field_comments()
    for name, field in FIELDS.items():
        default = f"{field.default!r}" if isinstance(field.default, str) else f"{field.default}"
        lines.append(f"  --{name}={default}".ljust(36) + notes.get(name, '')
                     if notes.get(name) else f"  --{name}={default}")
    return "\n".join(lines)


def _field_comments():
    """{key: comment} from TrainConfig's source, whose trailing comments explain each key."""
    import inspect
    from trainer.config import TrainConfig
    try:
        source = inspect.getsource(TrainConfig)
    except (OSError, TypeError):
        return {}
    return dict(re.findall(r"^\s+(\w+): [^=]+=[^#\n]+#\s*(.+)$", source, re.M))
