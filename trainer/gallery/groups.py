"""One run trained with several seeds, and numbers measured on each seed.

`exp.train(name, data, seeds=(1, 2, 3), ...)` returns a RunGroup. A seed sets
both the model's initial weights (torch.manual_seed) and the order of the
training batches (the sampler's generators are seeded by it, trainer/batches.py),
so the seeds of a group differ in both; its eval batches differ too.

    group.runs                      the Runs, in seed order (trained on first use)
    group.eval_steps                the eval iterations every seed shares
    group.stack('val_loss')         (seeds, evals) array; group.mean(...), group.band(...) -> (min, max)
    group.per_seed(fn)              PerSeed: fn(run) for every seed

A PerSeed is a number measured once per seed. Arithmetic between two PerSeed
values pairs them by seed (the same seed saw the same batches), so a paired
difference is `a - b`. Its `value` is the mean over seeds and its `spread` the
max - min over seeds: with three seeds, the range is what we can honestly show.
"""
import numpy as np

from trainer.gallery.layout import GalleryError


class PerSeed:
    """Values measured once per seed: seeds (tuple of ints) and values (float array)."""

    def __init__(self, seeds, values):
        self.seeds = tuple(int(s) for s in seeds)
        self.values = np.asarray(values, dtype=float)
        if self.values.shape != (len(self.seeds),):
            raise GalleryError(f"PerSeed: {len(self.seeds)} seeds but values of shape {self.values.shape}")

    @property
    def value(self):
        return float(self.values.mean())

    @property
    def lo(self):
        return float(self.values.min())

    @property
    def hi(self):
        return float(self.values.max())

    @property
    def spread(self):
        """max - min over the seeds."""
        return self.hi - self.lo

    def map(self, fn):
        return PerSeed(self.seeds, [fn(v) for v in self.values])

    def _pair(self, other, op):
        if isinstance(other, PerSeed):
            if other.seeds != self.seeds:
                raise GalleryError(f"PerSeed values of seeds {self.seeds} and {other.seeds} cannot be paired")
            return PerSeed(self.seeds, op(self.values, other.values))
        return PerSeed(self.seeds, op(self.values, float(other)))

    def __add__(self, other):
        return self._pair(other, np.add)

    def __radd__(self, other):
        return self._pair(other, np.add)

    def __sub__(self, other):
        return self._pair(other, np.subtract)

    def __rsub__(self, other):
        return self._pair(other, lambda a, b: b - a)

    def __mul__(self, other):
        return self._pair(other, np.multiply)

    __rmul__ = __mul__

    def __truediv__(self, other):
        return self._pair(other, np.divide)

    def __neg__(self):
        return PerSeed(self.seeds, -self.values)

    def __repr__(self):
        return f'PerSeed({dict(zip(self.seeds, self.values.round(6).tolist()))})'


class RunGroup:
    """The runs of one named configuration, one per seed."""

    def __init__(self, name, seeds, load):
        self.name, self.seeds = name, tuple(seeds)
        self._load = load     # () -> {seed: Run}; trains what is missing on first call
        self._runs = None

    @property
    def runs(self):
        if self._runs is None:
            by_seed = self._load()
            self._runs = [by_seed[s] for s in self.seeds]
        return self._runs

    def __getitem__(self, seed):
        return self.runs[self.seeds.index(seed)]

    def __iter__(self):
        return iter(self.runs)

    def __len__(self):
        return len(self.seeds)

    @property
    def first(self):
        return self.runs[0]

    @property
    def header(self):
        return self.first.header

    def per_seed(self, fn):
        """PerSeed of fn(run), one value per seed."""
        return PerSeed(self.seeds, [fn(run) for run in self.runs])

    @property
    def eval_steps(self):
        steps = self.first.eval_steps
        for run in self.runs[1:]:
            if not np.array_equal(run.eval_steps, steps):
                raise GalleryError(f"{self.name}: seeds {self.seeds[0]} and {run.seed} evaluated at different steps")
        return steps

    def stack(self, field, kind='eval'):
        """(seeds, points) array of an eval column (val_loss, train_loss) or, with kind='iter',
        an iteration column (loss, lr, dt_ms, mfu); the steps must agree across seeds."""
        if kind == 'eval':
            self.eval_steps  # noqa: B018 - raises when the seeds disagree
        else:
            for run in self.runs[1:]:
                if not np.array_equal(run.iters, self.first.iters):
                    raise GalleryError(f"{self.name}: seeds logged different iterations")
        return np.stack([getattr(run, field) for run in self.runs])

    def mean(self, field, kind='eval'):
        return self.stack(field, kind).mean(axis=0)

    def band(self, field, kind='eval'):
        """(min, max) over the seeds at every step."""
        y = self.stack(field, kind)
        return y.min(axis=0), y.max(axis=0)

    def __repr__(self):
        return f'RunGroup({self.name!r}, seeds {self.seeds})'
