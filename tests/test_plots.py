import io
import warnings

import pytest

from trainer import plots


def _figure(lang, title='validation'):
    import matplotlib.pyplot as plt
    plots.setup(lang)
    fig, ax = plt.subplots()
    plots.loss_curves(ax, [{'label': title, 'x': [0, 250, 500, 750], 'y': [4.2, 2.1, 1.7, 1.9]}],
                      xlabel='iteration', ylabel=title, title=title, mark_min=True)
    plots.localize_axes(fig, lang)
    return fig


def test_svg_is_byte_deterministic_and_dateless(tmp_path):
    import matplotlib.pyplot as plt
    paths = []
    for i in range(2):
        fig = _figure('fr', 'perte de validation')
        paths.append(tmp_path / f'{i}.svg')
        plots.save_svg(fig, paths[-1])
        plt.close(fig)
    a, b = (p.read_bytes() for p in paths)
    assert a == b and a.startswith(b'<?xml')
    assert b'<dc:date>' not in a and b'Matplotlib v' not in a
    assert not list(tmp_path.glob('.*.tmp'))  # the atomic write left no temp file


def test_zh_hant_figure_renders_to_png_without_missing_glyphs(tmp_path):
    import matplotlib.pyplot as plt
    from trainer.i18n import t
    from trainer.i18n.figures import FIGURES
    if not __import__('os').path.exists(plots.CJK_FONT):
        pytest.fail(f"{plots.CJK_FONT} missing: install fonts-noto-cjk (the zh-Hant figures need it)")
    with warnings.catch_warnings():
        warnings.simplefilter('error')  # any warning, missing glyphs included, fails the test
        fig = _figure('zh-Hant', t(FIGURES, 'val_loss', 'zh-Hant'))
        fig.axes[0].set_xlabel(t(FIGURES, 'iteration', 'zh-Hant') + '：訓練與驗證損失')
        plots.save_png(fig, tmp_path / 'zh.png', width_px=300)
        plt.close(fig)
    assert (tmp_path / 'zh.png').read_bytes()[:4] == b'\x89PNG'


def test_a_missing_glyph_is_an_error_not_an_empty_box():
    import matplotlib.pyplot as plt
    plots.setup('en')
    fig, ax = plt.subplots()
    ax.set_title('\U0001F600 \u0F40')  # glyphs neither DejaVu Sans nor Noto Sans CJK TC has
    with pytest.raises(UserWarning, match='missing from font'):
        fig.savefig(io.BytesIO(), format='svg')
    plt.close(fig)


def test_zh_hant_without_the_cjk_font_fails_loudly(monkeypatch):
    monkeypatch.setattr(plots, 'CJK_FONT', '/nonexistent/NotoSansCJK-Regular.ttc')
    monkeypatch.setitem(plots._state, 'cjk', False)
    with pytest.raises(plots.FontError, match='fonts-noto-cjk'):
        plots.setup('zh-Hant')
    plots.setup('en')  # Latin figures do not need it


def test_tick_labels_follow_the_language():
    from matplotlib.ticker import Formatter
    assert isinstance(plots.tick_formatter('en'), Formatter)
    ticks = [0.0, 0.5, 1.0, 1.5]
    assert plots.tick_formatter('en').format_ticks(ticks) == ['0.0', '0.5', '1.0', '1.5']
    assert plots.tick_formatter('fr').format_ticks(ticks) == ['0,0', '0,5', '1,0', '1,5']
    assert plots.tick_formatter('es').format_ticks([0, 5000, 10000]) == ['0', '5000', '10\u00a0000']
    assert plots.tick_formatter('fr').format_ticks([0, 5000]) == ['0', '5\u202f000']
    assert plots.tick_formatter('en').format_ticks([-1, 0, 25000]) == ['\u22121', '0', '25,000']
    assert plots.tick_formatter('zh-Hant').format_ticks([2.25, 2.5]) == ['2.25', '2.50']


def test_localize_axes_keeps_log_axes_and_figure_ticks_are_localized():
    import matplotlib.pyplot as plt
    plots.setup('es')
    fig, (a, b) = plt.subplots(1, 2)
    a.plot([0, 1], [0.5, 1.5])
    b.plot([1, 1000], [1, 2])
    b.set_xscale('log')
    plots.localize_axes(fig, 'es')
    fig.canvas.draw()
    assert any(',' in t.get_text() for t in a.get_yticklabels())
    assert not type(b.xaxis.get_major_formatter()).__name__.startswith('Localized')
    plt.close(fig)


def test_localize_axes_keeps_the_category_labels_a_script_set():
    import matplotlib.pyplot as plt
    plots.setup('fr')
    fig, ax = plt.subplots()
    ax.bar([0, 1], [2.5, 3.5])
    ax.set_xticks([0, 1], ['moderne', 'les deux'])
    plots.localize_axes(fig, 'fr')
    fig.canvas.draw()
    assert [t.get_text() for t in ax.get_xticklabels()] == ['moderne', 'les deux']
    assert any(',' in t.get_text() for t in ax.get_yticklabels())  # the numeric axis is still localized
    plt.close(fig)


def test_save_png_width_and_loss_curves_marks_the_minimum(tmp_path):
    import matplotlib.pyplot as plt
    fig = _figure('en')
    ax = fig.axes[0]
    assert len(ax.lines) == 2 and list(ax.lines[1].get_xdata()) == [500]  # the curve, then its minimum
    plots.save_png(fig, tmp_path / 't.png', width_px=320)
    plt.close(fig)
    from PIL import Image
    with Image.open(tmp_path / 't.png') as im:
        assert im.size[0] == 320
