"""trainer/plot_fit.py: figure text that fits, stays legible and keeps off the data."""
import numpy as np
import pytest

from trainer import plot_fit, plots


@pytest.fixture
def plt():
    import matplotlib.pyplot as plt
    plots.setup('en')
    yield plt
    plt.close('all')


def test_segments_cross_box():
    segs = np.array([[0, 0, 10, 10], [0, 5, 2, 5], [20, 0, 20, 10], [3, -5, 3, 20]], float)
    assert list(plot_fit.segments_cross_box(segs, (4, 4, 6, 6))) == [True, False, False, False]
    assert list(plot_fit.segments_cross_box(segs, (2.5, 0, 3.5, 1))) == [False, False, False, True]


def test_break_points_are_spaces_or_between_han_characters():
    assert plot_fit.break_points('a bc d') == [1, 4]
    assert plot_fit.break_points('訓練損失') == [1, 2, 3]
    assert plot_fit.break_points('損失（毫秒）') == [1, 2, 4]  # never before closing punctuation


def test_long_titles_and_labels_are_wrapped_to_their_axes(plt):
    fig, ax = plt.subplots()
    long = 'A title much longer than the axes it sits on: it would run off the canvas on a phone'
    ax.set_title(long)
    ax.set_ylabel('a y label that is longer than the height of these axes, which are short')
    ax.plot([0, 1], [0, 1])
    plot_fit.finish(fig, 'en')
    r = fig.canvas.get_renderer()
    box = ax.get_window_extent(r)
    assert '\n' in ax.get_title() and ax.get_title().replace('\n', ' ') == long
    assert ax.title.get_window_extent(r).width <= box.width + 1
    assert ax.yaxis.label.get_window_extent(r).height <= box.height + 1
    assert ax.get_title().split('\n')[0].endswith(':')  # a break after the phrase is preferred


@pytest.mark.filterwarnings('error')  # e.g. "constrained_layout not applied": a legend squeezed the axes
def test_a_legend_moves_off_the_data_and_below_when_there_is_no_room(plt):
    fig, ax = plt.subplots()
    x = np.linspace(0, 1, 50)
    ax.plot(x, 1 - x, label='falling')  # the upper right corner is free, the upper left is not
    ax.legend(loc='upper left')
    plot_fit.finish(fig, 'en')
    assert ax.get_legend()._loc in (1, 'upper right')
    fig2, ax2 = plt.subplots()
    for k in range(6):  # lines everywhere: no corner is free
        ax2.plot(x, np.sin(8 * x + k) + k * 0.3, label=f'curve number {k}')
    ax2.legend()
    plot_fit.finish(fig2, 'en')
    r = fig2.canvas.get_renderer()
    assert ax2.get_legend().get_window_extent(r).y1 < ax2.get_window_extent(r).y0  # under the axes


def test_small_text_is_raised_and_french_text_typeset(plt):
    fig, ax = plt.subplots()
    ax.set_title("Note: l'analyseur")
    t = ax.annotate('x', (0.5, 0.5), fontsize=6)
    plot_fit.finish(fig, 'fr')
    assert ax.get_title() == 'Note\u00a0: l’analyseur'
    assert t.get_fontsize() == plot_fit.MIN_TEXT_PT


def test_crowded_x_ticks_are_thinned(plt):
    fig, ax = plt.subplots(figsize=(3, 2))
    ax.plot([0, 20000], [0, 1])
    ax.set_xticks(range(0, 20001, 1000))
    ax.xaxis.set_major_locator(__import__('matplotlib').ticker.MaxNLocator(nbins=20))
    plots.localize_axes(fig, 'fr')
    plot_fit.finish(fig, 'fr')
    assert not plot_fit._overlapping(ax.xaxis.get_ticklabels(), fig.canvas.get_renderer())


def test_marker_labels_go_above_the_axes_in_rows(plt):
    fig, ax = plt.subplots()
    ax.plot([0, 100], [1, 0])
    ax.set_title('t')
    for text in ('interrupted', 'val_below_train'):  # two labels at the same step
        ax.annotate(text, xy=(100, 0.02), xycoords=('data', 'axes fraction'), rotation=90, fontsize=7)
    plot_fit.labels_above(ax)
    fig.canvas.draw()
    r = fig.canvas.get_renderer()
    top = ax.get_window_extent(r).y1
    boxes = [t.get_window_extent(r) for t in ax.texts]
    assert len(boxes) == 2 and all(b.y0 >= top for b in boxes)
    assert boxes[0].y1 <= boxes[1].y0 or boxes[1].y1 <= boxes[0].y0  # stacked, not overlapping
    assert ax.title.get_window_extent(r).y0 >= max(b.y1 for b in boxes) - 1
