"""Findings describe themselves: each is registered once, where its rule is written.

    @finding("plateau", "warning", PlateauEvidence, message=plateau_message, mark=plateau_mark,
             suppressed_by=("overfitting",))
    def plateau(d): ...   # d: measures.Measures with .facts; returns Found(...) or None

The registration binds the finding's code, its default severity, its rule, the typed
record of the numbers behind it, the function that words it in a language, and
optionally how the plot marks it. The list of rules, the codes, the renderers and the
plot marks are all derived from REGISTRY, so a new finding is one rule module's change
plus its catalog entries. `suppressed_by` names findings that, when present, make this
one redundant (val that rises beyond noise is overfitting, not also a plateau).
"""
import dataclasses
from dataclasses import dataclass, field
from typing import Callable, NamedTuple, Optional

SEVERITIES = ("error", "warning", "info")
MAX_STEPS_LISTED = 50


class Found(NamedTuple):
    """What a rule returns: the evidence record, the steps it points at, which message
    variant fits, and a severity when it differs from the registered one."""
    record: object
    steps: list
    variant: str = ""
    severity: Optional[str] = None


@dataclass(frozen=True)
class Mark:
    """How the plot shows a finding: a vertical line at x, a shaded span x..x_end, or
    crosses at points [(x, y)], labelled with the code at x."""
    kind: str
    x: float
    x_end: Optional[float] = None
    points: tuple = ()


@dataclass
class Finding:
    """One conclusion about a run: code, severity, steps it refers to, its typed evidence
    record and the message variant. `evidence` is the record as a dict (None fields left out)."""
    code: str
    severity: str
    steps: list
    record: object
    variant: str = ""

    @property
    def evidence(self):
        """The evidence record as a dict, fields that are None left out."""
        return {k: v for k, v in dataclasses.asdict(self.record).items() if v is not None}


@dataclass(frozen=True)
class Spec:
    """A registered finding: code, default severity, rule, evidence type, message, plot mark, suppressors."""
    code: str
    severity: str
    rule: Callable
    evidence: type
    message: Callable   # (record, variant, lang) -> str
    mark: Optional[Callable] = None  # record -> Mark or None
    suppressed_by: tuple = field(default_factory=tuple)


REGISTRY = {}


def finding(code, severity, evidence, *, message, mark=None, suppressed_by=()):
    """Register the decorated rule as finding `code` (see the module docstring)."""
    if severity not in SEVERITIES:
        raise ValueError(f"unknown severity {severity!r}")

    def register(rule):
        if code in REGISTRY:
            raise ValueError(f"finding {code!r} registered twice")
        REGISTRY[code] = Spec(code, severity, rule, evidence, message, mark, tuple(suppressed_by))
        return rule
    return register


def steps_of(values):
    """Sorted distinct steps, at most MAX_STEPS_LISTED (the last ones)."""
    out = sorted({int(s) for s in values})
    return out[-MAX_STEPS_LISTED:]


def find(d):
    """Every registered rule on one run's measures `d`: findings sorted errors first, then in
    registration order, without those a present finding suppresses."""
    found = []
    for spec in REGISTRY.values():
        hit = spec.rule(d)
        if hit is not None:
            if not isinstance(hit.record, spec.evidence):
                raise TypeError(f"{spec.code}: evidence must be {spec.evidence.__name__}")
            found.append(Finding(spec.code, hit.severity or spec.severity, list(hit.steps), hit.record, hit.variant))
    codes = {f.code for f in found}
    found = [f for f in found if not codes.intersection(REGISTRY[f.code].suppressed_by)]
    order = list(REGISTRY)
    return sorted(found, key=lambda f: (SEVERITIES.index(f.severity), order.index(f.code)))


def message(finding_, lang):
    """The finding's plain-language message, with what to try, in `lang`."""
    return REGISTRY[finding_.code].message(finding_.record, finding_.variant, lang)


def mark(finding_):
    """The finding's plot mark, or None."""
    spec = REGISTRY[finding_.code]
    return spec.mark(finding_.record) if spec.mark else None
