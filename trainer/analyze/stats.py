"""Robust statistics the findings share: noise scales, block medians, spikes.

Every threshold in findings.py is a multiple of a noise scale measured on the
log itself, never a fixed loss value, so the same rule works for a char-level
Shakespeare run (loss ~1) and GPT-2 on OpenWebText (loss ~3):

- point noise of a series: from the median absolute successive difference,
  sigma = median|x[i+1] - x[i]| / (0.6745 * sqrt(2)). Differences cancel the
  (slow) trend, the median ignores spikes. For nanoGPT's `iter` loss this is the
  spread of one micro-batch's loss.
- noise of an eval: nanoGPT's val loss is a mean over eval_iters micro-batches,
  so its standard error is sigma_iter / sqrt(eval_iters). Formats whose evals are
  not like their iteration lines get the scatter of the val series itself,
  1.4826 * median|third difference| / sqrt(20): a third difference of independent
  noise has variance 20 sigma^2, and it cancels a trend up to a parabola, so the
  steady bend of a falling loss curve sampled every few hundred steps is not
  mistaken for noise (a second difference would take the bend for noise).
"""
import math

import numpy as np

MAD_TO_SIGMA = 1.4826       # sigma of a normal distribution from its median absolute deviation
DIFF_TO_SIGMA = 1.0 / (0.6745 * math.sqrt(2.0))  # sigma from median |successive difference|


def view(arr, dtype=np.float64):
    """A zero-copy numpy view of an array.array."""
    return np.frombuffer(arr, dtype=dtype) if len(arr) else np.zeros(0, dtype=dtype)


def point_noise(x):
    """Noise of a series from its successive differences (NaN with fewer than 3 finite points)."""
    x = x[np.isfinite(x)]
    if x.size < 3:
        return math.nan
    return float(np.median(np.abs(np.diff(x)))) * DIFF_TO_SIGMA


def scatter_noise(v):
    """Noise of a short series around its smooth trend, from its third differences
    (NaN with fewer than 5 finite points)."""
    v = v[np.isfinite(v)]
    if v.size < 5:
        return math.nan
    return MAD_TO_SIGMA * float(np.median(np.abs(np.diff(v, 3)))) / math.sqrt(20.0)


def block_medians(x, n_blocks=50):
    """(medians, block size) of x cut into about n_blocks equal consecutive blocks."""
    size = max(1, x.size // n_blocks)
    n = x.size // size
    if n == 0:
        return np.zeros(0), size
    return np.median(x[: n * size].reshape(n, size), axis=1), size


def spikes(x, window=8, sigmas=6.0, rel=0.10, floor=0.05, chunk=65536):
    """Indices i where x[i] jumps above the median of the `window` points before it by more
    than max(sigmas * local noise, rel * that median, floor); consecutive hits count once.
    The floor (in the loss's units) keeps the relative wobble of a loss near zero from
    counting as spikes.

    Comparing with the *preceding* points keeps a steep early descent from looking
    like spikes (earlier points are higher, never lower). Local noise is measured per
    block of up to 1000 points (a twentieth of the series). Returns a list of (index, baseline).
    """
    n = x.size
    if n <= window + 2:
        return []
    block = min(1000, max(50, n // 20))  # local: the noise of a loss falls with the loss
    noise = np.array([point_noise(x[max(0, b - 1): b + block]) for b in range(0, n, block)])
    noise[~np.isfinite(noise)] = 0.0
    hits = []
    windows = np.lib.stride_tricks.sliding_window_view(x[:-1], window)  # windows[j] = x[j:j+window]
    for start in range(0, n - window, chunk):
        w = windows[start: start + chunk]
        base = np.median(w, axis=1)
        idx = np.arange(start + window, start + window + w.shape[0])
        jump = x[idx] - base
        thr = np.maximum(np.maximum(sigmas * noise[idx // block], rel * np.abs(base)), floor)
        for j in np.nonzero(jump > thr)[0]:
            hits.append((int(idx[j]), float(base[j])))
    events = []
    for i, base in hits:
        if events and i - events[-1][0] <= window:
            continue  # the same spike (or its immediate echo)
        events.append((i, base))
    return events
