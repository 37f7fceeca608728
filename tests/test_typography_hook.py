"""hooks/typography.py: the typography of trainer/i18n/typography.py on built pages, text nodes only."""
import importlib.util

import pytest

from conftest import REPO

NBSP, NNBSP = '\u00a0', '\u202f'


@pytest.fixture(scope="module")
def hook():
    spec = importlib.util.spec_from_file_location("plateau_typography_hook", REPO / "hooks" / "typography.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def test_text_is_typeset_and_markup_code_and_math_are_not(hook):
    html = ('<!doctype html>\n<html lang="fr"><!-- a ; b --><title>Temps d\'exécution</title><script>var a = "x ; y";</script>'
            '<p>La perte d\'<code>iter</code> : voir <code>step 2000: x</code> ? « oui » ; &amp; fin&nbsp;: ok</p>'
            '<p><span class="arithmatex">\\(a: b ; c\\)</span> <a href="x?y=1" title="a ; b">lien</a>!</p>'
            '<pre><code>iter 100: loss ; ok</code></pre><img alt="x ; y" src="a.svg"/>')
    out = hook.typeset_html(html, "fr")
    assert out.startswith('<!doctype html>\n<html lang="fr"><!-- a ; b -->')  # else the browser's quirks mode
    assert "<title>Temps d’exécution</title>" in out
    assert '<script>var a = "x ; y";</script>' in out
    assert f"La perte d’<code>iter</code>{NBSP}: voir <code>step 2000: x</code>{NNBSP}?" in out
    assert f"«{NNBSP}oui{NNBSP}»{NNBSP}; &amp; fin{NBSP}: ok" in out
    assert '<span class="arithmatex">\\(a: b ; c\\)</span>' in out
    assert f'<a href="x?y=1" title="a ; b">lien</a>{NNBSP}!' in out
    assert "<pre><code>iter 100: loss ; ok</code></pre>" in out and 'alt="x ; y"' in out


def test_chinese_line_breaks_between_han_characters_disappear(hook):
    assert hook.typeset_html("<p>每次迭代\n時間(毫秒)</p><code>f(x) 的</code>", "zh-Hant") == \
        "<p>每次迭代時間（毫秒）</p><code>f(x) 的</code>"


def test_english_pages_are_untouched(hook):
    class Page:
        class file:
            locale = "en"
    html = "<p>Note: x ; it's</p>"
    assert hook.on_post_page(html, Page, {"plugins": {}}) == html


def test_the_template_overrides_follow_the_typography_themselves():
    # The untranslated-page banner is shown on English pages, which the hook leaves alone.
    import re
    from trainer.i18n.typography import problems
    text = (REPO / "overrides" / "main.html").read_text(encoding="utf-8")
    for lang in ("es", "fr", "zh-Hant"):
        entry = re.search(r'"%s": \[(.*?)\]' % re.escape(lang), text, re.S).group(1)
        for phrase in re.findall(r'"([^"]+)"', entry):
            assert problems(phrase, lang) == [], (lang, phrase)
