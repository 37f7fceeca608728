"""What every log parser needs: the number pattern, the line cleaner, small converters.

Logs arrive decorated: timestamps, `> ` quoting, ANSI colours, torchrun's
`[rank0]:`, srun's `0: `. clean() strips all of that so each format's regexes
can stay exact and anchored at the start of the line.
"""
import ast
import json
import math
import re

from trainer.analyze.records import NAN
from trainer.config import ConfigError, coerce

NUM = r"[-+]?(?:(?:\d+(?:\.\d*)?|\.\d+)(?:[eE][-+]?\d+)?|(?i:nan|inf(?:inity)?))"

# ANSI colour/cursor sequences, and the prefixes people and tools put before a line:
# "> " quoting, [timestamps], 2024-01-02 03:04:05,678, 03:04:05, INFO:root:, "[rank0]:", "0: " (srun -l)
ANSI = re.compile(r"\x1b\[[0-9;?]*[ -/]*[@-~]|\x1b[@-Z\\-_]")
PREFIX = re.compile(
    r"""(?:\s*(?:
        >+
      | \[[^\]\n]{0,80}\]
      | \d{4}-\d\d-\d\d[T\ ]\d\d:\d\d(?::\d\d(?:[.,]\d+)?)?(?:Z|[+-]\d\d:?\d\d)?
      | \d\d:\d\d:\d\d(?:[.,]\d+)?
      | (?:INFO|WARNING|WARN|DEBUG|ERROR|CRITICAL)(?::[\w.]*)?:?
      | \d{1,4}:(?=\s)
      | [-|:](?=\s)
    ))+\s*""",
    re.X,
)


# a number with thousands separators, as nanochat and some forks print token counts: 1,048,576
GROUPED = r"[-+]?\d{1,3}(?:,\d{3})+(?:\.\d+)?"
FIELD = re.compile(rf"([A-Za-z][\w/.]*(?:[ _][A-Za-z][\w/.]*)*)\s*(?::\s*|\s+)({GROUPED}|{NUM})\s*(ms|s|m|%)?")


def split_fields(text, sep):
    """The `name value[unit]` or `name: value[unit]` pieces of a record line split at `sep`.

    Returns ({name: (value, value text, unit)}, number of pieces that are not such a field,
    whether the last piece is one). Names are lower-cased; values with thousands separators
    (1,048,576) are read whole. Used by every format that prints named fields, so a line with
    an extra field, a missing one or another order still reads.
    """
    found, bad, last_ok = {}, 0, False
    # a comma separates fields only before a space: 1,048,576 is one number
    for piece in (re.split(r",\s+", text) if sep == "," else text.split(sep)):
        m = FIELD.fullmatch(piece.strip())
        last_ok = m is not None
        if m is None:
            bad += 1
            continue
        value = m[2].replace(",", "") if "," in m[2] else m[2]
        found.setdefault(m[1].lower().replace("_", " "), (num(value), m[2], m[3] or ""))
    return found, bad, last_ok


def int_headers(line, sink, pairs):
    """For the first (regex, key) in pairs whose regex matches the line, record its group 1 as an
    int header (thousands separators allowed); True if one matched."""
    for regex, key in pairs:
        m = regex.match(line)
        if m:
            sink.header(key, int(m[1].replace(",", "")))
            return True
    return False


def loss_before_cut(text, sep, names=("loss",)):
    """The loss text among the fields of a cut-off record that are complete: all but the last
    piece, which the cut may have shortened ('loss nan, time 4' keeps 'nan'). None if absent."""
    pieces = (re.split(r",\s+", text) if sep == "," else text.split(sep))[:-1]
    found, _, _ = split_fields((", " if sep == "," else sep).join(pieces), sep)
    return next((found[n][1] for n in names if n in found), None)


def clean(line):
    """The line without ANSI codes, quoting, timestamps, log-level prefixes or trailing space."""
    if "\x1b" in line:
        line = ANSI.sub("", line)
    m = PREFIX.match(line)
    if m:
        line = line[m.end():]
    return line.strip()


def num(text):
    """float() that also reads C's '-nan' and 'inf'."""
    return float(text)


def is_finite_text(text):
    """Whether a number as printed is finite."""
    return math.isfinite(float(text))


def first(regex, text):
    """The first number `regex` finds in text (its group 1), or None."""
    m = regex.search(text)
    return num(m[1]) if m else None


def literal(raw):
    """An `Overriding: key = value` value, read like nanoGPT's configurator (literal or string)."""
    try:
        return ast.literal_eval(raw.strip())
    except (ValueError, SyntaxError, TypeError, MemoryError, RecursionError):
        return raw.strip()


def set_config(sink, key, value, raw=None):
    """Record a config value the log reveals, if it is a TrainConfig key of the right type.
    init_from = 'resume' means this process continues an earlier run (Sink.mark_resume)."""
    try:
        value = coerce(key, value, raw=raw)
    except (ConfigError, TypeError, ValueError):
        return
    sink.run.header.setdefault("config", {})[key] = value
    if key == "init_from" and value == "resume":
        sink.mark_resume()


def json_or_none(line):
    """The JSON value of a line, or None if it is not JSON."""
    try:
        return json.loads(line)
    except (ValueError, RecursionError):
        return None


def as_int(v):
    """v as an int when it is a finite whole JSON number (not a bool), else None."""
    if isinstance(v, bool) or not isinstance(v, (int, float)) or not math.isfinite(v) or v != int(v):
        return None
    return int(v)


def as_float(v, missing=NAN):
    """(value, text): JSON numbers, and the strings 'nan'/'inf' some writers use for non-finite values."""
    if isinstance(v, bool) or v is None:
        return missing, None
    if isinstance(v, (int, float)):
        return float(v), repr(v)
    if isinstance(v, str):
        try:
            return float(v), v
        except ValueError:
            return missing, None
    return missing, None
