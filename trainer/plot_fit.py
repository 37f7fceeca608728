"""The last pass over a figure before it is saved: its text must fit and stay off the data.

    finish(fig, lang)      all of the below, in order; trainer/gallery/render.py calls it
    typeset_texts(fig, lang)   the language's typography on every text (trainer/i18n/typography.py)
    raise_small_text(fig)  no text below MIN_TEXT_PT: a figure shown 332 px wide on a phone
                           (an admonition in a 390 px viewport) still has text of ~9 px
    thin_ticks(fig)        fewer x ticks where their labels would run into each other
    wrap_long_labels(fig)  a title wider than its axes, or an axis label longer than its side,
                           is broken into lines (between words; anywhere between Han characters)
    place_legends(fig)     each legend goes where it crosses no plotted line, marker, bar or label:
                           the first empty corner or side, measured, else below the axes
    keep_plot_height(fig)  the figure grows taller when the text around an axes squeezed it
    labels_above(ax)       (called by a script) vertical labels of marker lines, drawn across the
                           curves, become horizontal labels above the axes, in rows

Overlaps are measured in display coordinates after a draw, so they hold for the
bytes that are saved.
"""
import numpy as np

from trainer.i18n.typography import typeset

MIN_TEXT_PT = 10.0
LEGEND_LOCS = ('upper right', 'upper left', 'lower left', 'lower right', 'center right', 'center left',
               'upper center', 'lower center')
MAX_LINES = 3
MIN_PLOT_HEIGHT_IN = 2.1  # of the axes themselves, in a figure trainer/plots.py makes 5 x 3.4 inches


def finish(fig, lang):
    typeset_texts(fig, lang)
    raise_small_text(fig)
    fig.canvas.draw()
    wrap_long_labels(fig)
    place_legends(fig)
    keep_plot_height(fig)
    thin_ticks(fig)  # last: until the legends are placed, a wide one may squeeze the axes


def keep_plot_height(fig, minimum_in=MIN_PLOT_HEIGHT_IN):
    """Text around an axes (wrapped titles, labels above, a legend below) takes its height
    from the plot: make the figure taller until every axes is at least `minimum_in` high.
    Saving crops to what is drawn, so the extra height is never blank."""
    for _ in range(3):
        renderer = fig.canvas.get_renderer()
        shortest = min((ax.get_window_extent(renderer).height / fig.dpi for ax in fig.axes), default=minimum_in)
        if shortest >= minimum_in - 0.01:
            return
        fig.set_figheight(fig.get_figheight() + (minimum_in - shortest) * _rows(fig))
        fig.canvas.draw()


def _rows(fig):
    """How many rows of axes the figure has (their heights add up)."""
    tops = {round(ax.get_position().y1, 3) for ax in fig.axes}
    return max(1, len(tops))


def _texts(fig):
    from matplotlib.text import Text
    return [t for t in fig.findobj(Text) if t.get_text() and t.get_visible()]


def typeset_texts(fig, lang):
    for text in _texts(fig):
        new = typeset(text.get_text(), lang)
        if new != text.get_text():
            text.set_text(new)


def raise_small_text(fig, minimum=MIN_TEXT_PT):
    for text in _texts(fig):
        if text.get_fontsize() < minimum:
            text.set_fontsize(minimum)


# --- ticks -----------------------------------------------------------------------------

def _overlapping(labels, renderer, gap=4.0):
    boxes = sorted((t.get_window_extent(renderer) for t in labels if t.get_visible() and t.get_text()),
                   key=lambda b: b.x0)
    return any(a.x1 + gap > b.x0 for a, b in zip(boxes, boxes[1:]))


def thin_ticks(fig):
    """Fewer x ticks on a linear axis whose tick labels run into each other (long numbers such
    as 12,500 on a figure sized for phones)."""
    from matplotlib.ticker import AutoLocator, MaxNLocator
    for ax in fig.axes:
        axis = ax.xaxis
        if ax.get_xscale() != 'linear' or not isinstance(axis.get_major_locator(), (AutoLocator, MaxNLocator)):
            continue
        for nbins in (6, 5, 4, 3):
            renderer = fig.canvas.get_renderer()
            if not _overlapping(axis.get_ticklabels(), renderer):
                break
            axis.set_major_locator(MaxNLocator(nbins=nbins, steps=[1, 2, 2.5, 5, 10]))
            fig.canvas.draw()


# --- wrapping --------------------------------------------------------------------------

def _is_han(ch):
    return '\u3400' <= ch <= '\u9fff' or '\uf900' <= ch <= '\ufaff'


def break_points(line):
    """Indices where `line` may be broken: at a space, or between two Han characters
    (never before closing punctuation such as ，。）)."""
    points = []
    for i in range(1, len(line)):
        if line[i] == ' ':
            points.append(i)
        elif _is_han(line[i - 1]) and (_is_han(line[i]) or line[i] in '（「'):
            points.append(i)
    return points


def _lines_at(text, cuts):
    bounds = [0, *cuts, len(text)]
    return [text[a:b].strip() for a, b in zip(bounds, bounds[1:])]


PHRASE_END = tuple(':;,—–：；，、')


def _wrapped(text, measure, limit):
    """`text` broken into the fewest lines (at most MAX_LINES) that are each at most `limit`
    wide by `measure`: of the breaks that fit, those after a phrase (a colon, a comma) first,
    then the narrowest widest line. The text unchanged if it fits, or if no break helps."""
    import itertools
    if '\n' in text or measure(text) <= limit:
        return text
    points = break_points(text)
    best, best_width = text, measure(text)
    for n_breaks in range(1, MAX_LINES):
        fitting = []
        for cuts in itertools.combinations(points, n_breaks):
            lines = _lines_at(text, cuts)
            width = max(measure(line) for line in lines)
            if width <= limit:
                phrases = sum(line.endswith(PHRASE_END) for line in lines[:-1])
                fitting.append((-phrases, width, lines))
            elif width < best_width:
                best, best_width = '\n'.join(lines), width
        if fitting:
            return '\n'.join(min(fitting, key=lambda f: f[:2])[2])
    return best


def _measure_with(text_artist, renderer, vertical):
    import functools

    @functools.lru_cache(maxsize=None)
    def measure(s):
        saved = text_artist.get_text()
        text_artist.set_text(s)
        box = text_artist.get_window_extent(renderer)
        text_artist.set_text(saved)
        return box.height if vertical else box.width
    return measure


def wrap_long_labels(fig):
    """Break titles and axis labels that are longer than the side of the axes they belong to."""
    for _ in range(3):  # constrained layout resizes the axes after a change: check again
        renderer = fig.canvas.get_renderer()
        changed = False
        for ax in fig.axes:
            box = ax.get_window_extent(renderer)
            items = [(ax.title, box.width, False), (ax.xaxis.label, box.width, False),
                     (ax.yaxis.label, box.height, True)]
            for artist, limit, vertical in items:
                text = artist.get_text()
                if not text or not artist.get_visible():
                    continue
                # wrap the text as the script wrote it: the axes may have shrunk since the last pass
                original = getattr(artist, '_unwrapped', text)
                new = _wrapped(original, _measure_with(artist, renderer, vertical), limit)
                if new != text:
                    artist._unwrapped = original
                    artist.set_text(new)
                    changed = True
        if not changed:
            return
        fig.canvas.draw()


# --- legends ---------------------------------------------------------------------------

def _segments(ax, renderer):
    """Plotted lines as display-space segments (N, 4), markers and scatter points as (M, 2)
    points, and bars as boxes (K, 4): what a legend or label must not cover."""
    from matplotlib.lines import Line2D
    from matplotlib.patches import Rectangle
    segs, points, boxes = [], [], []
    for line in ax.lines:
        if not line.get_visible() or not isinstance(line, Line2D):
            continue
        xy = line.get_transform().transform(np.asarray(line.get_xydata(), float))
        xy = xy[np.isfinite(xy).all(axis=1)]
        if line.get_linestyle() not in ('None', '', ' ', 'none') and len(xy) > 1:
            segs.append(np.hstack([xy[:-1], xy[1:]]))
        if line.get_marker() not in (None, 'None', '', ' ', 'none'):
            points.append(xy)
    for coll in ax.collections:
        offsets = coll.get_offsets()
        if len(offsets) and coll.get_visible():
            points.append(coll.get_offset_transform().transform(np.asarray(offsets, float)))
    for patch in ax.patches:
        if isinstance(patch, Rectangle) and patch.get_visible() and (patch.get_alpha() or 1.0) > 0.5:
            e = patch.get_window_extent(renderer)
            boxes.append([e.x0, e.y0, e.x1, e.y1])
    for text in ax.texts:
        if text.get_visible() and text.get_text():
            e = text.get_window_extent(renderer)
            boxes.append([e.x0, e.y0, e.x1, e.y1])
    return (np.vstack(segs) if segs else np.zeros((0, 4)), np.vstack(points) if points else np.zeros((0, 2)),
            np.asarray(boxes, float).reshape(-1, 4))


def segments_cross_box(segs, box):
    """Which of the segments (N, 4: x0, y0, x1, y1) pass through `box` (x0, y0, x1, y1)
    (Liang–Barsky clipping, vectorized)."""
    if not len(segs):
        return np.zeros(0, bool)
    x0, y0, x1, y1 = segs.T
    dx, dy = x1 - x0, y1 - y0
    lo, hi = np.zeros(len(segs)), np.ones(len(segs))
    ok = np.ones(len(segs), bool)
    for p, q in ((-dx, x0 - box[0]), (dx, box[2] - x0), (-dy, y0 - box[1]), (dy, box[3] - y0)):
        parallel = p == 0
        ok &= ~(parallel & (q < 0))
        with np.errstate(divide='ignore', invalid='ignore'):
            t = np.where(parallel, 0.0, q / np.where(parallel, 1.0, p))
        lo = np.where(~parallel & (p < 0), np.maximum(lo, t), lo)
        hi = np.where(~parallel & (p > 0), np.minimum(hi, t), hi)
    return ok & (lo <= hi)


def box_is_clear(box, segs, points, boxes, inside):
    """True if `box` lies within `inside` and touches none of the segments, points or boxes."""
    if box[0] < inside[0] or box[1] < inside[1] or box[2] > inside[2] or box[3] > inside[3]:
        return False
    if segments_cross_box(segs, box).any():
        return False
    if len(points) and ((points[:, 0] >= box[0]) & (points[:, 0] <= box[2]) &
                        (points[:, 1] >= box[1]) & (points[:, 1] <= box[3])).any():
        return False
    if len(boxes) and ((boxes[:, 0] < box[2]) & (boxes[:, 2] > box[0]) &
                       (boxes[:, 1] < box[3]) & (boxes[:, 3] > box[1])).any():
        return False
    return True


def _legend_box(legend, renderer, pad=2.0):
    e = legend.get_window_extent(renderer)
    return np.array([e.x0 - pad, e.y0 - pad, e.x1 + pad, e.y1 + pad])


def place_legends(fig):
    """Move every axes legend to the first location where it covers no data; if there is none,
    put it under the axes, as many columns wide as fit."""
    for ax in fig.axes:
        legend = ax.get_legend()
        if legend is None:
            continue
        renderer = fig.canvas.get_renderer()
        segs, points, boxes = _segments(ax, renderer)
        e = ax.get_window_extent(renderer)
        inside = np.array([e.x0, e.y0, e.x1, e.y1])
        current = legend._loc  # the script's choice, tried first
        for loc in [current] + [loc for loc in LEGEND_LOCS if loc != current]:
            legend.set_loc(loc)
            if box_is_clear(_legend_box(legend, renderer), segs, points, boxes, inside):
                break
        else:
            _legend_below(fig, ax, legend)
        fig.canvas.draw()


def _legend_below(fig, ax, legend):
    """The legend under the axes' tick labels and x label, in as many columns as fit the figure,
    an entry too long for the figure's width broken into lines. Its distance from the axes is in
    points (borderaxespad), so it stays put when the axes grow."""
    handles, labels = legend.legend_handles, [t.get_text() for t in legend.get_texts()]
    size = legend.get_texts()[0].get_fontsize() if labels else MIN_TEXT_PT
    renderer = fig.canvas.get_renderer()
    below_pt = (ax.get_window_extent(renderer).y0 - ax.get_tightbbox(renderer, bbox_extra_artists=[]).y0) \
        * 72 / fig.dpi
    fig_width = fig.get_window_extent(renderer).width
    options = dict(loc='upper center', bbox_to_anchor=(0.5, 0), frameon=False, fontsize=size,
                   borderaxespad=(below_pt + 4) / size)
    probe = ax.legend(handles, labels, ncol=1, **options)
    fig.canvas.draw()
    texts = probe.get_texts()
    widest = max(t.get_window_extent(renderer).width for t in texts)
    handle = probe.get_window_extent(renderer).width - widest  # handle, padding and margins
    labels = [_wrapped(label, _measure_with(text, renderer, False), 0.97 * fig_width - handle)
              for label, text in zip(labels, texts)]
    probe = ax.legend(handles, labels, ncol=1, **options)
    fig.canvas.draw()
    widths = [t.get_window_extent(renderer).width + handle for t in probe.get_texts()]
    gap = probe.columnspacing * size * fig.dpi / 72
    ncol = 1
    for k in range(len(labels), 1, -1):  # matplotlib splits the entries into columns with array_split
        columns = [max(part) for part in np.array_split(np.asarray(widths), k)]
        if sum(columns) + gap * (k - 1) <= 0.97 * fig_width:
            ncol = k
            break
    for k in range(ncol, 0, -1):  # measured: the estimate ignores column padding details
        legend = ax.legend(handles, labels, ncol=k, **options)
        fig.canvas.draw()
        if legend.get_window_extent(renderer).width <= 0.98 * fig_width:
            break


# --- marker labels ---------------------------------------------------------------------

def labels_above(ax, gap_pt=3.0):
    """Move the vertical labels of marker lines (annotations rotated 90° with x in data
    coordinates, e.g. the analyzer's finding codes) above the axes: horizontal, centred on
    their x (kept inside the figure), stacked in rows so that none overlaps another, with
    the title raised over them."""
    from matplotlib.text import Annotation
    fig = ax.figure
    marks = [t for t in ax.texts if isinstance(t, Annotation) and abs(t.get_rotation() - 90) < 1]
    if not marks:
        return
    specs = sorted((t.xy[0], t.get_text(), t.get_color(), max(t.get_fontsize(), MIN_TEXT_PT)) for t in marks)
    for t in marks:
        t.remove()
    fig.canvas.draw()
    renderer = fig.canvas.get_renderer()
    fig_box = fig.get_window_extent(renderer)
    rows, height = [], 0.0
    for x, text, color, size in specs:
        ann = ax.annotate(text, xy=(x, 1), xycoords=('data', 'axes fraction'), xytext=(0, gap_pt),
                          textcoords='offset points', ha='center', va='bottom', color=color, fontsize=size,
                          annotation_clip=False)
        box = ann.get_window_extent(renderer)
        if box.x1 > fig_box.x1 - 2:
            ann.set_horizontalalignment('right')
        elif box.x0 < fig_box.x0 + 2:
            ann.set_horizontalalignment('left')
        box = ann.get_window_extent(renderer)
        row = next((k for k, spans in enumerate(rows)
                    if all(box.x1 + 4 < a or box.x0 - 4 > b for a, b in spans)), len(rows))
        if row == len(rows):
            rows.append([])
        rows[row].append((box.x0, box.x1))
        ann.xyann = (0, gap_pt + row * (size + gap_pt))
        height = max(height, gap_pt + (row + 1) * (size + gap_pt))
    ax.set_title(ax.get_title(), pad=6 + height)
