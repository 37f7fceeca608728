"""The site: strict build, every page in every language, links, offline assets.

The build itself runs once per session (conftest.built_site) and is shared
with tests/test_browser.py.
"""

import json
import os
import re
import shutil
import subprocess
import sys
from html.parser import HTMLParser
from pathlib import Path

import pytest

from conftest import REPO, SITE_LANGS, mkdocs_config, nav_pages, page_url


def test_strict_build_is_clean(built_site):
    assert built_site.returncode == 0, built_site.output[-4000:]
    noisy = [line for line in built_site.output.splitlines()
             if re.search(r"\b(WARNING|ERROR)\b", line) or "Traceback" in line]
    assert not noisy, "\n".join(noisy)
    print(f"strict build of {len(SITE_LANGS)} languages: {built_site.seconds:.1f} s")


def test_site_languages_match_the_project_languages():
    from trainer.i18n import LANGS

    locales = [lang["locale"] for lang in next(p["i18n"] for p in mkdocs_config()["plugins"]
                                               if isinstance(p, dict) and "i18n" in p)["languages"]]
    assert sorted(locales) == sorted(LANGS) == sorted(SITE_LANGS)
    assert locales[-1] == "en", "English must be built last so 404.html is English"


def test_every_page_exists_in_every_language_in_source():
    pages = nav_pages()
    assert len(pages) == len(set(pages))
    missing = [f"docs/{lang}/{page}" for lang in SITE_LANGS for page in pages
               if not (REPO / "docs" / lang / page).is_file()]
    assert not missing, f"pages missing: {missing}"


def test_no_top_level_docs_folder_looks_like_a_locale():
    # mkdocs-static-i18n takes any such folder (js/, db/) for a language and
    # silently drops its files from the site.
    locale_shaped = re.compile(r"^[a-z]{2}(-[A-Za-z]{4})?(-[A-Z]{2})?$|^[a-z]{2}_[A-Z]{2}$")
    odd = [p.name for p in (REPO / "docs").iterdir()
           if p.is_dir() and locale_shaped.match(p.name) and p.name not in SITE_LANGS]
    assert not odd


def _html_lang(html):
    m = re.search(r'<html lang="([^"]+)"', html)
    return m.group(1) if m else None


def test_every_page_is_built_translated_in_every_language(built_site):
    assert built_site.returncode == 0
    for lang in SITE_LANGS:
        for page in nav_pages():
            path = built_site.dir / page_url(lang, page) / "index.html"
            assert path.is_file(), f"not built: {path}"
            html = path.read_text(encoding="utf-8")
            assert _html_lang(html) == lang, path
            assert "data-untranslated" not in html, f"{path} is the English fallback, not a translation"


def test_zh_hant_ui_uses_traditional_chinese_wording(built_site):
    # overrides/partials/languages/zh-Hant.html: Material's zh-TW strings, tag zh-Hant.
    html = (built_site.dir / "zh-Hant" / "index.html").read_text(encoding="utf-8")
    assert _html_lang(html) == "zh-Hant"
    assert 'placeholder="搜尋"' in html
    assert '"clipboard.copy": "\\u8907\\u88fd"' in html  # 複製, not 拷貝


def test_language_switcher_points_at_the_same_page(built_site):
    for lang in SITE_LANGS:
        for page in nav_pages():
            here = page_url(lang, page)
            html = (built_site.dir / here / "index.html").read_text(encoding="utf-8")
            links = dict((hl, href) for href, hl in
                         re.findall(r'<a href="([^"]*)" hreflang="([^"]+)" class="md-select__link"', html))
            assert sorted(links) == sorted(SITE_LANGS), here
            for other, href in links.items():
                target = (built_site.dir / here / href).resolve()
                assert target == (built_site.dir / page_url(other, page)).resolve(), (here, other, href)


def test_404_page_is_english_and_offers_the_language_homes(built_site):
    html = (built_site.dir / "404.html").read_text(encoding="utf-8")
    assert _html_lang(html) == "en"
    links = re.findall(r'<a href="([^"]*)" hreflang="([^"]+)" class="md-select__link"', html)
    assert len(links) == len(SITE_LANGS)
    for href, lang in links:
        assert href.rstrip("./").endswith("" if lang == "en" else f"/{lang}"), (href, lang)


def test_hreflang_alternates_live_in_the_sitemap_not_the_page_head(built_site):
    # Material 9.7+ fetches <alternate>/sitemap.xml for every head hreflang link,
    # which 404s with the i18n plugin's per-page alternates (hooks/i18n_switcher.py).
    for html_path in [built_site.dir / "index.html", built_site.dir / "fr" / "gallery" / "index.html",
                      built_site.dir / "404.html"]:
        head = html_path.read_text(encoding="utf-8").split("</head>")[0]
        assert not re.search(r'<link rel="alternate"[^>]*hreflang', head), html_path
    sitemap = (built_site.dir / "sitemap.xml").read_text(encoding="utf-8")
    for lang in SITE_LANGS:
        assert f'hreflang="{lang}"' in sitemap


def test_each_language_has_its_own_search_index_and_chinese_is_segmented(built_site):
    # hooks/search_per_language.py: <lang>/search/search_index.json, locations relative
    # to the language root, each location once, the lunr language of its own.
    lunr = {"en": "en", "es": "es", "fr": "fr", "zh-Hant": "zh"}
    for lang in SITE_LANGS:
        root = built_site.dir if lang == "en" else built_site.dir / lang
        index = json.loads((root / "search" / "search_index.json").read_text(encoding="utf-8"))
        assert index["config"]["lang"] == [lunr[lang]]
        assert "\\u200b" in index["config"]["separator"] or "\u200b" in index["config"]["separator"]
        locations = [doc["location"] for doc in index["docs"]]
        assert len(locations) == len(set(locations)), f"{lang}: duplicate search entries"
        assert not [loc for loc in locations if loc.split("/")[0] in SITE_LANGS], f"{lang}: other languages' pages"
        for page in nav_pages():
            assert page_url("en", page) in locations, f"{page_url(lang, page)} not in the {lang} search index"
        html = (built_site.dir / page_url(lang, "capacity.md") / "index.html").read_text(encoding="utf-8")
        base = json.loads(re.search(r'<script id="__config" type="application/json">(.*?)</script>', html, re.S)
                          .group(1))["base"]
        assert (built_site.dir / page_url(lang, "capacity.md") / base).resolve() == root.resolve(), (lang, base)
        if lang == "zh-Hant":
            assert "\u200b" in " ".join(doc["text"] for doc in index["docs"]), "zh-Hant text was not segmented (jieba?)"


def test_build_output_has_no_routine_i18n_lines(built_site):
    # hooks/quiet_i18n.py: the console keeps real problems and progress only
    assert "extra.alternate" not in built_site.output
    assert "Overriding '" not in built_site.output


class _Refs(HTMLParser):
    def __init__(self):
        super().__init__()
        self.refs = []

    def handle_starttag(self, tag, attrs):
        a = dict(attrs)
        if tag == "script" and a.get("src"):
            self.refs.append(a["src"])
        if tag == "link" and "stylesheet" in (a.get("rel") or "") and a.get("href"):
            self.refs.append(a["href"])
        if tag == "img" and a.get("src"):
            self.refs.append(a["src"])


def test_site_needs_no_network(built_site):
    # Scripts, styles, fonts and images all come from the site itself:
    # no CDN, no Google Fonts (theme.font: false), KaTeX vendored.
    remote = []
    for html_path in built_site.dir.rglob("*.html"):
        parser = _Refs()
        parser.feed(html_path.read_text(encoding="utf-8"))
        remote += [f"{html_path.relative_to(built_site.dir)}: {ref}" for ref in parser.refs
                   if re.match(r"^(https?:)?//", ref)]
    for css in built_site.dir.rglob("*.css"):
        remote += [f"{css.name}: {u}" for u in re.findall(r"url\(\s*['\"]?((?:https?:)?//[^)'\"]+)", css.read_text())]
    assert not remote, "\n".join(remote[:20])
    katex = built_site.dir / "assets" / "vendor" / "katex"
    assert (katex / "katex.min.js").is_file() and list((katex / "fonts").glob("*.woff2"))


def test_values_are_all_substituted(built_site):
    leftovers = []
    for html_path in built_site.dir.rglob("*.html"):
        text = re.sub(r"<(code|pre)\b.*?</\1>", "", html_path.read_text(encoding="utf-8"), flags=re.S)
        leftovers += [f"{html_path.relative_to(built_site.dir)}: {m}"
                      for m in re.findall(r"\[\[[A-Za-z0-9_-]+\.[A-Za-z0-9_.-]+(?:\|de)?\]\]", text)]
    assert not leftovers, leftovers[:10]


def test_linkchecker_finds_no_broken_links(served_site, tmp_path):
    local = Path(sys.executable).parent / "linkchecker"
    exe = str(local) if local.exists() else shutil.which("linkchecker")
    assert exe, "linkchecker is not installed: run `make setup` (pip install -e '.[dev]')"
    rc = tmp_path / "linkcheckerrc"
    rc.write_text("[checking]\nmaxrequestspersecond=200\n")
    # External URLs are not followed (no --check-extern): the check is offline.
    # The start URLs: the English home (the switcher reaches every language)
    # and the 404 page, whose links are absolute under the site's path.
    proc = subprocess.run([exe, "-f", str(rc), "--no-warnings", "--no-status", "--threads", "4",
                           served_site.url, served_site.url + "404.html"],
                          capture_output=True, text=True, timeout=300)
    tail = proc.stdout[-6000:] + proc.stderr[-2000:]
    assert proc.returncode == 0, tail
    m = re.search(r"(\d+) links? in (\d+) URLs checked", proc.stdout)
    assert m and int(m.group(2)) > 10 * len(SITE_LANGS), tail
    assert re.search(r"\b0 errors found", proc.stdout), tail


def test_an_untranslated_page_falls_back_to_english_with_a_banner(tmp_path, built_site):
    # The real site has no untranslated page (tested above), so build a copy
    # with one translation removed: the build stays clean, the page is the
    # English text under /fr/, and the banner says so in French.
    assert built_site.returncode == 0
    for name in ("mkdocs.yml", "docs", "snippets", "overrides", "hooks"):
        src = REPO / name
        (shutil.copytree if src.is_dir() else shutil.copy)(src, tmp_path / name)
    (tmp_path / "docs" / "fr" / "execution-times.md").unlink()
    env = {k: v for k, v in os.environ.items() if k not in ("BUILD_ONLY_LOCALE", "SITE_URL")}
    env["NO_MKDOCS_2_WARNING"] = "1"
    proc = subprocess.run([sys.executable, "-m", "mkdocs", "build", "--strict", "-q"],
                          cwd=tmp_path, env=env, capture_output=True, text=True, timeout=300)
    assert proc.returncode == 0, proc.stdout + proc.stderr
    fr = (tmp_path / "site" / "fr" / "execution-times" / "index.html").read_text(encoding="utf-8")
    assert _html_lang(fr) == "fr"
    assert 'data-untranslated="fr"' in fr and "Page non traduite" in fr
    english_title = re.search(r"^# (.+)$", (REPO / "docs" / "en" / "execution-times.md").read_text(encoding="utf-8"),
                              re.M).group(1)
    assert english_title in fr
    es = (tmp_path / "site" / "es" / "execution-times" / "index.html").read_text(encoding="utf-8")
    assert "data-untranslated" not in es


class _VisibleText(HTMLParser):
    """The text a reader sees: no code, preformatted text, scripts, styles or TeX math. Inline
    code stands as "X" (the text around it still reads as one phrase); block boundaries as U+0000."""
    RAW = {"script", "style", "pre", "code", "kbd", "samp", "textarea", "svg", "math"}
    INLINE = {"a", "abbr", "b", "code", "em", "i", "kbd", "mark", "q", "s", "samp", "small", "span", "strong",
              "sub", "sup", "u"}
    VOID = {"br", "img", "input", "meta", "link", "hr", "wbr", "source"}

    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.stack, self.chunks = [], []

    def handle_starttag(self, tag, attrs):
        if tag not in self.INLINE:
            self.chunks.append("\0")
        if tag in self.VOID:
            return
        cls = dict(attrs).get("class") or ""
        raw = bool(self.stack and self.stack[-1]) or tag in self.RAW or "arithmatex" in cls
        if raw and not (self.stack and self.stack[-1]) and tag in self.INLINE:
            self.chunks.append("X")
        self.stack.append(raw)

    def handle_endtag(self, tag):
        if self.stack:
            self.stack.pop()
        if tag not in self.INLINE:
            self.chunks.append("\0")

    def handle_data(self, data):
        if not (self.stack and self.stack[-1]):
            self.chunks.append(data)


# Written independently of trainer/i18n/typography.py: what a reader would flag.
TYPOGRAPHY_SLIPS = {
    "fr": [(r"\w'\w", "straight apostrophe (’)"), (r"[^\u202f\0][;!?](?=\s|$)", "no U+202F before ; ! ?"),
           (r"[\w)»][ \u202f]?:(?=\s)", "no U+00A0 before :"), (r"«[^\u202f]", "no U+202F after «"),
           (r"[^\u202f]»", "no U+202F before »"), (r"\d[ \u00a0]\d{3}\b", "breakable space in a number"),
           (r"\d %", "breakable space before %")],
    "es": [(r"\d[ \u202f]\d{3}\b", "breakable space in a number"), (r"\d %", "breakable space before %")],
    "zh-Hant": [(r"[\u4e00-\u9fff][ \t\n]+[\u4e00-\u9fff]", "space between Han characters"),
                (r"[\u4e00-\u9fff]\(|\)[\u4e00-\u9fff]", "half-width parenthesis next to Han text")],
}


@pytest.mark.parametrize("lang", sorted(TYPOGRAPHY_SLIPS))
def test_built_pages_follow_the_languages_typography(built_site, lang):
    # hooks/typography.py applies trainer/i18n/typography.py to every page; this reads the result.
    slips = []
    for page in nav_pages():
        parser = _VisibleText()
        parser.feed((built_site.dir / page_url(lang, page) / "index.html").read_text(encoding="utf-8"))
        text = "".join(parser.chunks)
        for pattern, what in TYPOGRAPHY_SLIPS[lang]:
            slips += [f"{page_url(lang, page)}: {what}: {text[max(0, m.start() - 15):m.end() + 15]!r}"
                      for m in re.finditer(pattern, text)]
    assert not slips, "\n".join(slips[:30])
