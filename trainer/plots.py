"""One matplotlib style for every figure of the site, in four languages.

    setup(lang)            Agg backend, fonts, style; missing glyphs become errors
    localize_axes(fig, lang)  tick labels with the language's decimal mark and grouping
    save_svg(fig, path)    byte-deterministic SVG, written atomically, cropped to what is drawn
    save_png(fig, path)    the same for PNG (thumbnails)
    loss_curves(ax, ...)   the loss-against-iterations plot most experiments draw
    mean_band(ax, x, ys)   the mean over seeds with their min-max band

Fonts: DejaVu Sans (shipped with matplotlib) for Latin text, with Noto Sans CJK
TC from Debian's fonts-noto-cjk as the per-glyph fallback for Chinese. A
zh-Hant figure without that font would silently draw empty boxes, so setup()
refuses, and a "Glyph ... missing from font" warning is turned into an error
for every language.

Determinism: the same figure must give the same bytes on every run, or
`make figures` would dirty the git tree and the freshness check could never
pass. SVG ids are salted with a fixed svg.hashsalt, and the Date and Creator
metadata (a timestamp, the matplotlib version) are left out.

Size: figures are read on phones. A figure is 5 inches wide (480 CSS px at its
natural size) and its smallest text is 10 pt; shown in a 390 px viewport inside
an admonition (332 px wide) that text is still 9 px, and at 1280 px it is 13 px.
Saving crops to the drawn artists (bbox_inches='tight'), so a long title or
label is never cut at the canvas edge; trainer/plot_fit.py wraps such text and
keeps legends off the data before that.
"""
import math
import os
import warnings

from trainer.atomic import atomic_path
from trainer.i18n import check_lang, fmt_float

CJK_FONT = os.environ.get('PLATEAU_CJK_FONT', '/usr/share/fonts/opentype/noto/NotoSansCJK-Regular.ttc')
CJK_FAMILY = 'Noto Sans CJK TC'
LATIN_FAMILY = 'DejaVu Sans'
SVG_METADATA = {'Date': None, 'Creator': None}
SAVE_PAD_IN = 0.06  # white margin around the cropped drawing
PNG_METADATA = {'Software': None}
MINUS = '\u2212'  # what matplotlib itself uses for negative ticks (axes.unicode_minus)

# Okabe & Ito's palette: distinguishable with the common colour-vision deficiencies.
PALETTE = ['#0072B2', '#D55E00', '#009E73', '#CC79A7', '#E69F00', '#56B4E9', '#F0E442', '#000000']

STYLE = {
    'figure.figsize': (5.0, 3.4),
    'figure.dpi': 100,
    'figure.constrained_layout.use': True,
    'font.size': 10.0,
    'axes.titlesize': 11.0,
    'axes.labelsize': 10.5,
    'xtick.labelsize': 10.0,
    'ytick.labelsize': 10.0,
    'axes.grid': True,
    'axes.spines.top': False,
    'axes.spines.right': False,
    'axes.unicode_minus': True,
    'grid.alpha': 0.3,
    'grid.linewidth': 0.6,
    'lines.linewidth': 1.6,
    'legend.frameon': False,
    'legend.fontsize': 10.0,
    'svg.fonttype': 'path',  # glyphs as paths: readers need no CJK font, and bytes do not depend on theirs
    'svg.hashsalt': 'plateau-lab',
    'path.simplify': True,
}


class FontError(RuntimeError):
    """The CJK font is missing; figures in zh-Hant cannot be drawn."""


_state = {'cjk': False}


def _register_cjk():
    """Add Noto Sans CJK TC to matplotlib's font list (once); True if it is there."""
    from matplotlib import font_manager
    if not _state['cjk'] and os.path.exists(CJK_FONT):
        font_manager.fontManager.addfont(CJK_FONT)  # a .ttc: registers every face, TC included
        _state['cjk'] = True
    return _state['cjk']


def setup(lang):
    """Style matplotlib for figures in `lang`. Call before creating the figures."""
    check_lang(lang)
    import matplotlib
    matplotlib.use('Agg', force=True)  # no display, and the same rasterizer everywhere
    has_cjk = _register_cjk()
    if lang == 'zh-Hant' and not has_cjk:
        raise FontError(f"zh-Hant figures need the {CJK_FAMILY} font, not found at {CJK_FONT}; install "
                        f"Debian's fonts-noto-cjk (apt-get install fonts-noto-cjk) or set PLATEAU_CJK_FONT")
    matplotlib.rcParams.update(STYLE)
    matplotlib.rcParams['axes.prop_cycle'] = matplotlib.cycler(color=PALETTE)
    matplotlib.rcParams['font.family'] = [LATIN_FAMILY, CJK_FAMILY] if has_cjk else [LATIN_FAMILY]
    # A missing glyph is drawn as an empty box: an unreadable figure must not be published.
    # (Added on every call: filterwarnings replaces an identical filter instead of stacking it.)
    warnings.filterwarnings('error', message=r'Glyph .* missing from font', category=UserWarning)


# --- tick labels per language ----------------------------------------------------------

def _decimals(values, most=8):
    """Fewest decimals that write every tick exactly (ticks are round numbers)."""
    finite = [v for v in values if math.isfinite(v)]
    for d in range(most + 1):
        if all(abs(round(v, d) - v) <= 1e-9 * max(1.0, abs(v)) for v in finite):
            return d
    return most


def format_number(x, lang, digits):
    """fmt_float with matplotlib's typographic minus sign."""
    s = fmt_float(x, lang, digits)
    return MINUS + s[1:] if s.startswith('-') else s


def tick_formatter(lang):
    """A matplotlib Formatter writing ticks as '1,000.5' (en), '1000,5' (es), '1 000,5' (fr)."""
    from matplotlib.ticker import Formatter

    class LocalizedFormatter(Formatter):
        digits = 0

        def format_ticks(self, values):
            self.digits = _decimals(values)
            return [format_number(v, lang, self.digits) for v in values]

        def __call__(self, x, pos=None):
            return format_number(x, lang, self.digits)

    return LocalizedFormatter()


def localize_axes(fig, lang):
    """Give every linear axis of the figure localized tick labels (log axes keep 10^k, which reads
    the same in every language)."""
    from matplotlib.ticker import ScalarFormatter
    for ax in fig.get_axes():
        # only numeric default ticks: labels a script set itself (categories, words) stay as they are
        for axis, scale in ((ax.xaxis, ax.get_xscale()), (ax.yaxis, ax.get_yscale())):
            if scale == 'linear' and isinstance(axis.get_major_formatter(), ScalarFormatter):
                axis.set_major_formatter(tick_formatter(lang))


# --- saving -----------------------------------------------------------------------------

def save_svg(fig, path):
    """Write `fig` as SVG; the same figure gives the same bytes on every run."""
    import matplotlib
    matplotlib.rcParams['svg.hashsalt'] = STYLE['svg.hashsalt']
    with atomic_path(path) as tmp:
        fig.savefig(tmp, format='svg', metadata=SVG_METADATA, bbox_inches='tight', pad_inches=SAVE_PAD_IN)


def save_png(fig, path, width_px=None):
    """Write `fig` as PNG, `width_px` wide if given (thumbnails), without a Software tag."""
    dpi = fig.get_dpi() if width_px is None else width_px / fig.get_figwidth()
    with atomic_path(path) as tmp:
        fig.savefig(tmp, format='png', dpi=dpi, metadata=PNG_METADATA)  # thumbnails keep the full canvas


# --- shared plots -----------------------------------------------------------------------

def loss_curves(ax, curves, xlabel, ylabel, title=None, mark_min=False, logx=False):
    """Draw loss curves: `curves` is a list of dicts with 'label', 'x', 'y' and optional
    matplotlib style keys (color, linestyle, ...). mark_min puts a dot on each curve's lowest
    point, where a val curve that later rises (overfitting) turns."""
    for curve in curves:
        style = {k: v for k, v in curve.items() if k not in ('label', 'x', 'y')}
        (line,) = ax.plot(curve['x'], curve['y'], label=curve['label'], **style)
        if mark_min and len(curve['y']):
            i = min(range(len(curve['y'])), key=lambda j: curve['y'][j])
            ax.plot([curve['x'][i]], [curve['y'][i]], 'o', color=line.get_color(), markersize=4)
    if logx:
        ax.set_xscale('log')
    ax.set_xlabel(xlabel)
    ax.set_ylabel(ylabel)
    if title:
        ax.set_title(title)
    if any(c['label'] for c in curves):
        ax.legend()
    return ax


def mean_band(ax, x, ys, label=None, color=None, alpha=0.22, **style):
    """The mean over seeds as a line and their min-max as a shaded band: `ys` is a (seeds, points)
    array. Returns the line (its colour is the band's)."""
    import numpy as np
    ys = np.asarray(ys, dtype=float)
    (line,) = ax.plot(x, ys.mean(axis=0), label=label, color=color, **style)
    if len(ys) > 1:
        ax.fill_between(x, ys.min(axis=0), ys.max(axis=0), color=line.get_color(), alpha=alpha, linewidth=0)
    return line

