"""Claims: the statements pages make from an experiment, as named predicates over its run data.

A script states each claim the prose relies on next to the numbers behind it:

    exp.claim('val_rises_after_min', rise, above(3 * best.spread),
              'after its minimum, one-shard val rises by more than 3x the seed spread of the minimum')

`rise` is a PerSeed (or a plain number for a claim without seeds); the test is
applied to every seed's value, so a claim holds only when all seeds agree.
The record (experiment, name, holds, value = mean over seeds, spread = max - min,
seeds, the per-seed values, the test and the sentence) goes into the manifest.
`python -m trainer.gallery check` re-renders every experiment from its
committed run data and fails naming each claim that no longer holds, and
`python -m trainer.gallery claims --json` lists them all. Pages cite a claim
next to the sentence that rests on it: `<!-- claim: experiment.name -->`.
"""
import math
from dataclasses import dataclass

from trainer.gallery.groups import PerSeed
from trainer.gallery.layout import GalleryError, check_part


@dataclass(frozen=True)
class Test:
    """A bound every seed's value must meet: lo < value < hi (either side may be open)."""
    lo: float = -math.inf
    hi: float = math.inf
    kind: str = 'between'

    def holds(self, values):
        if self.kind == 'straddles':
            return min(values) <= 0.0 <= max(values)
        return all(self.lo < v < self.hi for v in values)

    @property
    def text(self):
        if self.kind == 'above':
            return f'every seed > {self.lo:.6g}'
        if self.kind == 'below':
            return f'every seed < {self.hi:.6g}'
        if self.kind == 'straddles':
            return 'the seeds disagree on the sign (min <= 0 <= max)'
        return f'every seed in ({self.lo:.6g}, {self.hi:.6g})'


def above(bound):
    """Every seed's value is greater than `bound`."""
    return Test(lo=float(bound), kind='above')


def below(bound):
    """Every seed's value is less than `bound`."""
    return Test(hi=float(bound), kind='below')


def between(lo, hi):
    """Every seed's value lies strictly between lo and hi."""
    if not lo < hi:
        raise GalleryError(f"between({lo}, {hi}): the lower bound must be below the upper one")
    return Test(lo=float(lo), hi=float(hi))


def straddles_zero():
    """No difference shown: the seeds' paired differences do not agree on a sign."""
    return Test(kind='straddles')


def evaluate(experiment, name, values, test, says):
    """The claim's record (a JSON-ready dict)."""
    check_part('claim', name)
    if not isinstance(test, Test):
        raise GalleryError(f"claim {name}: the test must be above(), below(), between() or straddles_zero()")
    if not isinstance(says, str) or not says.strip():
        raise GalleryError(f"claim {name}: say in words what it claims")
    if isinstance(values, PerSeed):
        seeds, numbers = list(values.seeds), [float(v) for v in values.values]
    else:
        seeds, numbers = [], [float(values)]
    if not all(math.isfinite(v) for v in numbers):
        raise GalleryError(f"claim {name}: a value is not finite ({numbers})")
    return {
        'experiment': experiment, 'name': name, 'holds': bool(test.holds(numbers)),
        'value': sum(numbers) / len(numbers), 'spread': max(numbers) - min(numbers),
        'seeds': seeds, 'values': numbers, 'test': test.text, 'says': ' '.join(says.split()),
    }


def failing(claims):
    """The records in {name: record} that do not hold."""
    return [c for c in claims.values() if not c['holds']]


def describe(record):
    """One line for a terminal: what failed and by how much."""
    return (f"claim {record['experiment']}.{record['name']} does not hold: {record['says']} "
            f"(values {', '.join(f'{v:.6g}' for v in record['values'])}; needs {record['test']})")
