"""`--plot OUT.svg`: train and val loss of every run, with the findings marked.

Iter-line losses are thinned to at most MAX_POINTS per run (every k-th point)
so a 600,000-iteration log still gives a small SVG. Each finding is a vertical
line at its first step, coloured by severity and labelled with its code.
"""
import math

import numpy as np

from trainer import plots
from trainer.analyze.messages import label
from trainer.analyze.registry import mark as finding_mark

MAX_POINTS = 2000
SEVERITY_COLORS = {"error": "#D55E00", "warning": "#E69F00", "info": "#56B4E9"}


def draw(analysis, path, lang="en"):
    """Write the SVG to `path` (atomically, byte-deterministic)."""
    plots.setup(lang)
    import matplotlib.pyplot as plt

    fig, ax = plt.subplots(figsize=(7.2, 4.2))
    try:
        draw_on(ax, analysis, lang)
        plots.localize_axes(fig, lang)
        plots.save_svg(fig, path)
    finally:
        plt.close(fig)


def draw_on(ax, analysis, lang="en"):
    """Draw the losses and findings of every run on `ax` (the gallery draws into its own figures)."""
    multi = len(analysis.runs) > 1
    for r in analysis.runs:
        run = r.run
        suffix = f" · {label('title.run', lang, n=run.index + 1)}" if multi else ""
        its = np.frombuffer(run.iters, np.int64) if len(run.iters) else np.zeros(0, np.int64)
        loss = np.frombuffer(run.loss) if len(run.loss) else np.zeros(0)
        keep = np.isfinite(loss)
        its, loss = its[keep], loss[keep]
        if its.size:
            k = max(1, math.ceil(its.size / MAX_POINTS))
            ax.plot(its[::k], loss[::k], lw=0.7, alpha=0.45, color=plots.PALETTE[5],
                    label=label("plot.iter_loss", lang) + suffix)
        steps = np.frombuffer(run.eval_steps, np.int64) if len(run.eval_steps) else np.zeros(0, np.int64)
        if steps.size:
            train = np.frombuffer(run.eval_train)
            val = np.frombuffer(run.eval_val)
            if np.isfinite(train).any():
                ax.plot(steps, train, "-o", ms=2.5, color=plots.PALETTE[0],
                        label=label("plot.eval_train", lang) + suffix)
            ax.plot(steps, val, "-o", ms=2.5, color=plots.PALETTE[1], label=label("plot.val", lang) + suffix)
        _mark_findings(ax, r)
    ax.set_xlabel(label("plot.iteration", lang))
    ax.set_ylabel(label("plot.loss", lang))
    _zoom(ax, analysis)
    ax.legend(loc="upper right")


def _mark_findings(ax, result):
    """Each finding's registered mark (registry.Mark): timing and MFU findings have none."""
    placed = []  # (x, side) of the labels drawn so far: labels at the same step are set side by side
    for f in result.findings:
        m = finding_mark(f)
        if m is None:
            continue
        color = SEVERITY_COLORS[f.severity]
        if m.kind == "span":
            ax.axvspan(m.x, m.x_end, color=color, alpha=0.15, lw=0)
        elif m.kind == "points":
            ax.plot([p[0] for p in m.points], [p[1] for p in m.points], "x", color=color, ms=6)
        else:
            ax.axvline(m.x, color=color, lw=0.9, ls="--")
        _label(ax, m.x, f.code, color, placed)
    # labels at the run's last step sit right of it, in a margin widened to hold them
    right = sum(1 for _, side in placed if side == "right")
    if right:
        lo, hi = ax.get_xlim()
        ax.set_xlim(lo, max(hi, ax.dataLim.x1 + (0.01 + 0.03 * right) * ax.dataLim.width))


def _label(ax, x, text, color, placed):
    """A vertical label beside the line at x: on its left, where the curves it explains are, except
    at the last step, where the left is crowded with the run's final points and the right is empty."""
    span = ax.dataLim.width if ax.dataLim.width > 0 else 1.0
    side = "right" if x >= ax.dataLim.x1 else "left"
    crowd = sum(1 for p, s in placed if s == side and abs(p - x) <= 0.01 * span)
    placed.append((x, side))
    offset = 2 + 9 * crowd
    ax.annotate(text, xy=(x, 0.02), xycoords=("data", "axes fraction"), rotation=90, va="bottom",
                ha="left" if side == "right" else "right", fontsize=7, color=color,
                xytext=(offset if side == "right" else -offset, 0), textcoords="offset points")


def _zoom(ax, analysis):
    """Crop the y axis to the part of the run that is still moving, as nanoGPT's README plot does
    (its issue #341): the first iterations fall from ~ln(vocab) and would flatten the rest.
    The top is 4x the distance from the lowest loss to the median of the second half."""
    low, mids, high = math.inf, [], -math.inf
    for r in analysis.runs:
        for arr in (r.run.eval_val, r.run.eval_train, r.run.loss):
            a = np.frombuffer(arr) if len(arr) else np.zeros(0)
            a = a[np.isfinite(a)]
            if a.size:
                low, high = min(low, float(a.min())), max(high, float(a.max()))
                mids.append(float(np.median(a[a.size // 2:])))
    if not mids or not high > low:
        return
    top = min(high, low + 4 * (max(mids) - low)) if max(mids) > low else high
    pad = 0.05 * (top - low) if top > low else 0.1
    ax.set_ylim(low - pad, top + pad)
