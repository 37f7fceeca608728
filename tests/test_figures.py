"""Every committed figure, in every language, as a reader sees it: text inside the canvas, large
enough for a phone, and off the data (tests/svg_figures.py reads the SVGs)."""
import pytest

from conftest import REPO
from svg_figures import read
from trainer.plot_fit import MIN_TEXT_PT, segments_cross_box

FIGURES = sorted((REPO / 'docs' / 'assets' / 'figures').glob('*/*/*.svg'))
IDS = [str(p.relative_to(REPO / 'docs' / 'assets' / 'figures')) for p in FIGURES]
TOLERANCE_PT = 0.5


def test_there_are_figures_in_every_language():
    from trainer.i18n import LANGS
    names = {lang: sorted(p.relative_to(REPO / 'docs' / 'assets' / 'figures' / lang).as_posix()
                          for p in FIGURES if p.parts[-3] == lang) for lang in LANGS}
    assert names['en'] and all(names[lang] == names['en'] for lang in LANGS), names


@pytest.fixture(scope='module', params=FIGURES, ids=IDS)
def figure(request):
    return request.param, read(request.param)


def test_every_text_lies_inside_the_canvas(figure):
    path, fig = figure
    outside = [f"{t.string!r} at {tuple(round(v, 1) for v in t.box)}" for t in fig.texts
               if t.box[0] < -TOLERANCE_PT or t.box[1] < -TOLERANCE_PT
               or t.box[2] > fig.width + TOLERANCE_PT or t.box[3] > fig.height + TOLERANCE_PT]
    assert not outside, f"{path.name} ({fig.width:.0f}x{fig.height:.0f} pt): clipped text {outside}"


def test_every_text_is_large_enough_for_a_phone(figure):
    # trainer/plots.py: a 5-inch figure with 10-pt text keeps ~9 px text in a 332 px column
    path, fig = figure
    small = [f"{t.string!r} {t.size_pt:.1f} pt" for t in fig.texts if t.size_pt < MIN_TEXT_PT - 0.05]
    assert not small, f"{path.name}: text below {MIN_TEXT_PT} pt: {small}"


def test_every_plot_area_keeps_a_readable_size(figure):
    # a legend or label too wide for the figure makes constrained layout squeeze the axes
    from trainer.plot_fit import MIN_PLOT_HEIGHT_IN
    path, fig = figure
    assert fig.axes, f"{path.name}: no axes found"
    for x0, y0, x1, y1 in fig.axes:
        assert x1 - x0 >= 0.6 * fig.width, f"{path.name}: plot area {x1 - x0:.0f} of {fig.width:.0f} pt wide"
        assert y1 - y0 >= 0.9 * MIN_PLOT_HEIGHT_IN * 72, f"{path.name}: plot area {y1 - y0:.0f} pt high"


def test_labels_and_legends_do_not_cross_the_data(figure):
    import numpy as np
    path, fig = figure
    segs = np.asarray(fig.segments, float).reshape(-1, 4)
    boxes = [(f"legend", box) for box in fig.legends]
    boxes += [(repr(t.string), t.box) for t in fig.texts if t.where == 'axes']
    crossed = []
    for what, (x0, y0, x1, y1) in boxes:
        inner = (x0 + 1, y0 + 1, x1 - 1, y1 - 1)  # a line may graze the edge of a box
        if inner[0] < inner[2] and inner[1] < inner[3] and segments_cross_box(segs, inner).any():
            crossed.append(what)
    assert not crossed, f"{path.name}: plotted lines cross {crossed}"


def test_figure_text_follows_the_languages_typography(figure):
    # trainer/plot_fit.py typesets every text before saving (French spaces and ’, Chinese （）)
    from trainer.i18n.typography import problems
    path, fig = figure
    lang = path.parts[-3]
    slips = [(t.string, fixed) for t in fig.texts for _, fixed in problems(t.string, lang)]
    assert not slips, f"{path.name}: {slips[:5]}"
