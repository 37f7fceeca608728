"""The built site in a real browser: Debian's headless Chromium, driven by selenium.

Every page in every language loads with status 200, no console errors and no
broken image; the language switcher leads to the same page; search in each
language lists that language's pages only, with clean <mark> highlights
(Chinese included); math is rendered by KaTeX; at a phone's 390 px and a
desktop's 1280 px, figure text is at least ~9 px, nothing is wider than the
page and no formula overflows; no figure text lies outside its SVG canvas.
Screenshots of each home and of one figure page per language go to
test-artifacts/screenshots/.

Without chromium and chromedriver the tests fail, naming the packages:
`make setup` installs them (scripts/system_deps.sh), and a skipped browser test
would let a broken site pass.
"""

import os
import shutil
import tempfile
import time
from urllib.parse import urljoin, urlsplit

import pytest

from conftest import REPO, SITE_LANGS, nav_pages, page_url

pytestmark = pytest.mark.browser

CHROMIUM = "/usr/bin/chromium"
CHROMEDRIVER = "/usr/bin/chromedriver"
ARTIFACTS = REPO / "test-artifacts" / "screenshots"

# Queries a reader types, each language's own words; "plateau" is in every language's
# pages, so on the English home it must not list 首頁 or Inicio.
SEARCH_QUERIES = {"en": ["learning rate", "plateau", "analyzer"],
                  "es": ["tasa de aprendizaje", "plateau", "analizador"],
                  "fr": ["taux d’apprentissage", "plateau", "analyseur"],
                  "zh-Hant": ["學習率", "plateau", "分析器"]}

WAIT_S = 15


def _find(path):
    return path if os.access(path, os.X_OK) else shutil.which(os.path.basename(path))


@pytest.fixture(scope="session")  # session, like served_site, so it is set up first
def browser():
    chromium, driver_path = _find(CHROMIUM), _find(CHROMEDRIVER)
    if not (chromium and driver_path):
        pytest.fail("the browser tests need Debian's chromium and chromium-driver: run `make setup` as root "
                    "or with sudo, or apt-get install chromium chromium-driver fonts-noto-cjk")
    try:
        from selenium import webdriver
        from selenium.webdriver.chrome.service import Service
    except ImportError:
        pytest.fail("selenium is not installed: run `make setup` (pip install -e '.[dev]')")

    profile = tempfile.mkdtemp(prefix="plateau-chromium-")
    options = webdriver.ChromeOptions()
    options.binary_location = chromium
    for flag in ("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                 "--disable-background-networking", "--disable-component-update", "--disable-sync",
                 "--disable-dev-shm-usage", "--window-size=1280,900", f"--user-data-dir={profile}"):
        options.add_argument(flag)
    options.set_capability("goog:loggingPrefs", {"browser": "ALL"})
    driver = webdriver.Chrome(service=Service(executable_path=driver_path), options=options)
    driver.set_page_load_timeout(30)
    try:
        yield driver
    finally:
        driver.quit()
        shutil.rmtree(profile, ignore_errors=True)


def _wait(predicate, what, timeout=WAIT_S):
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        value = predicate()
        if value:
            return value
        time.sleep(0.1)
    raise AssertionError(f"timed out after {timeout} s waiting for {what}")


def _console_errors(driver):
    return [entry["message"] for entry in driver.get_log("browser") if entry["level"] == "SEVERE"]


def _load(driver, site, url):
    """Open `url`, wait until it is complete, and return its console errors and HTTP failures."""
    driver.get_log("browser")  # drop what earlier pages logged
    start = len(site.log)
    driver.get(url)
    _wait(lambda: driver.execute_script("return document.readyState") == "complete", f"{url} to load")
    _wait(lambda: driver.execute_script(
        "return Array.from(document.images).every(i => i.complete)"), f"images of {url}")
    path = urlsplit(url).path
    statuses = [(p, code) for p, code in site.log[start:]]
    page_status = [code for p, code in statuses if p.split("?")[0] == path]
    failures = [f"{p} -> {code}" for p, code in statuses if not (isinstance(code, int) and code < 400)]
    return page_status, failures, _console_errors(driver)


def test_every_page_loads_cleanly_with_its_images_and_math(browser, served_site):
    problems, math_pages = [], 0
    for lang in SITE_LANGS:
        for page in nav_pages():
            url = served_site.url + page_url(lang, page)
            status, failures, errors = _load(browser, served_site, url)
            if status != [200]:
                problems.append(f"{url}: status {status}")
            problems += [f"{url}: request {f}" for f in failures]
            problems += [f"{url}: console: {e}" for e in errors]
            broken = browser.execute_script(
                "return Array.from(document.images).filter(i => !(i.naturalWidth > 0)).map(i => i.src)")
            problems += [f"{url}: image did not load: {src}" for src in broken]
            if browser.execute_script("return document.documentElement.lang") != lang:
                problems.append(f"{url}: <html lang> is not {lang}")
            n_math = browser.execute_script("return document.querySelectorAll('.arithmatex').length")
            if n_math:
                math_pages += 1
                unrendered = browser.execute_script(
                    "return document.querySelectorAll('.arithmatex:not([data-katex-done])').length")
                n_katex = browser.execute_script("return document.querySelectorAll('.arithmatex .katex').length")
                if unrendered or not n_katex:
                    problems.append(f"{url}: {unrendered} of {n_math} formulas not rendered by KaTeX")
    assert not problems, "\n".join(problems[:40])
    assert math_pages >= len(SITE_LANGS), "every home page has a formula; KaTeX never ran"


def test_404_page_renders_in_english(browser, served_site):
    url = served_site.url + "no-such-page/"
    status, failures, errors = _load(browser, served_site, url)
    assert status == [404]
    assert failures == [f"{urlsplit(url).path} -> 404"], failures
    # Chrome logs the page's own 404 status; anything else is a real error.
    assert [e for e in errors if not e.startswith(url + " - ")] == [], errors
    assert browser.execute_script("return document.documentElement.lang") == "en"
    assert browser.execute_script("return !!document.querySelector('.md-header')")


def test_language_switcher_leads_to_the_same_page(browser, served_site):
    # A round trip en -> es -> fr -> zh-Hant -> en through the switcher menu, on a
    # guide page; test_site.py checks every pair of links statically.
    page = next(p for p in nav_pages() if p != "index.md")
    _load(browser, served_site, served_site.url + page_url(SITE_LANGS[0], page))
    for other in SITE_LANGS[1:] + SITE_LANGS[:1]:
        link = browser.find_element("css selector", f'a.md-select__link[hreflang="{other}"]')
        browser.execute_script("arguments[0].click()", link)  # the menu opens on hover; click it directly
        want = served_site.url + page_url(other, page)
        _wait(lambda: browser.current_url == want and
              browser.execute_script("return document.readyState") == "complete",
              f"the switcher to reach {want} (at {browser.current_url})")
        assert browser.execute_script("return document.documentElement.lang") == other
        assert not _console_errors(browser)


def _search(browser, query):
    from selenium.webdriver.common.by import By

    box = browser.find_element(By.CSS_SELECTOR, "input[data-md-component='search-query']")
    _wait(lambda: box.is_displayed() and box.is_enabled(), "the search box")
    box.click()
    box.clear()
    box.send_keys(query)  # results appear once the worker has loaded the index


# Markup problems the highlighter can produce: an element whose tag is not a plain name
# (<mar<>), a <mark> holding markup, or tag text leaking into what the reader sees.
BAD_MARKUP_JS = """
const root = arguments[0];
const bad = [];
for (const el of root.querySelectorAll('*'))
  if (!/^[a-z][a-z0-9-]*$/i.test(el.tagName)) bad.push('element <' + el.tagName.toLowerCase() + '>');
for (const m of root.querySelectorAll('mark'))
  if (m.children.length || !m.textContent.trim()) bad.push('mark ' + m.outerHTML);
const text = root.textContent;
for (const leak of ['<mar', 'mark>', 'k>'])
  if (text.includes(leak)) bad.push('text contains ' + leak);
return bad;
"""


def _results(browser):
    return browser.execute_script(
        "return Array.from(document.querySelectorAll('.md-search-result__item a'))"
        ".map(a => [a.href, a.querySelectorAll('mark').length])")


@pytest.mark.parametrize("lang", SITE_LANGS)
def test_search_finds_own_language_pages_with_clean_highlights(browser, served_site, lang):
    # hooks/search_per_language.py: one index per language. The English index once held
    # every page twice, and the highlighter wrapped each match twice: <mark><mar< mark="">k>rate.
    for query in SEARCH_QUERIES[lang]:
        _load(browser, served_site, served_site.url + page_url(lang, "index.md"))
        _search(browser, query)
        results = _wait(lambda: [r for r in _results(browser) if r[1]], f"{lang} search hits for {query!r}")
        own = urljoin(served_site.url, "" if lang == "en" else f"{lang}/")
        others = tuple(urljoin(served_site.url, f"{o}/") for o in SITE_LANGS if o not in ("en", lang))
        hrefs = [href for href, _ in _results(browser)]
        foreign = [h for h in hrefs if not h.startswith(own) or h.startswith(others)]
        assert not foreign, f"{lang} search for {query!r} lists other languages' pages: {foreign[:5]}"
        box = browser.find_element("css selector", ".md-search-result")
        assert browser.execute_script(BAD_MARKUP_JS, box) == [], query
        assert not _console_errors(browser)
        # the page a hit leads to highlights the same words, with the same clean markup
        target = results[0][0]
        _load(browser, served_site, target)
        article = browser.find_element("css selector", "article")
        _wait(lambda: browser.execute_script("return arguments[0].querySelectorAll('mark').length", article),
              f"highlights on {target}")
        assert browser.execute_script(BAD_MARKUP_JS, article) == [], target


def test_screenshots_of_homes_and_a_figure_page(browser, served_site):
    ARTIFACTS.mkdir(parents=True, exist_ok=True)
    for lang in SITE_LANGS:
        _load(browser, served_site, served_site.url + page_url(lang, "index.md"))
        assert browser.save_screenshot(str(ARTIFACTS / f"{lang}-home.png"))
        for page in nav_pages():
            _load(browser, served_site, served_site.url + page_url(lang, page))
            figure = browser.execute_script(
                "return Array.from(document.querySelectorAll('article img'))"
                ".find(i => i.src.includes('/assets/figures/') && !i.src.includes('/thumbs/'))")
            if figure:
                browser.execute_script("arguments[0].scrollIntoView({block: 'center'})", figure)
                time.sleep(0.5)  # let the header finish its title transition
                name = page[:-3].replace("/", "-")
                assert browser.save_screenshot(str(ARTIFACTS / f"{lang}-{name}.png"))
                break
        else:
            pytest.fail(f"no page in {lang} shows a figure from assets/figures/")


MIN_TEXT_PX = 8.9  # "about 9 px": trainer/plots.py sizes figures for 9 px text in a 332 px column


def _svg_min_text(site_dir, src, cache={}):
    """(smallest font size, canvas width), both in SVG user units, of the figure at URL `src`."""
    from svg_figures import read
    rel = src.split("/assets/figures/", 1)[1].split("?")[0]
    if rel not in cache:
        fig = read(site_dir / "assets" / "figures" / rel)
        cache[rel] = (min(t.size_pt for t in fig.texts), fig.width)
    return cache[rel]


FIGURES_JS = """
return Array.from(document.querySelectorAll('article img'))
  .filter(i => i.src.includes('/assets/figures/') && !i.src.includes('/thumbs/') && i.offsetParent !== null)
  .map(i => {
    let box = i.parentElement;  // the first block around it (a lightbox link is inline)
    while (box && !box.clientWidth) box = box.parentElement;
    return [i.src, i.clientWidth, box ? box.clientWidth : 0];
  });
"""
OVERFLOW_JS = """
const bad = [];
const doc = document.documentElement;
if (doc.scrollWidth > doc.clientWidth + 1) bad.push('page scrolls sideways: ' + doc.scrollWidth + ' > ' + doc.clientWidth);
for (const m of document.querySelectorAll('article div.arithmatex'))
  if (m.offsetParent !== null && m.scrollWidth > m.clientWidth + 1)
    bad.push('formula overflows: ' + m.textContent.slice(0, 40));
return bad;
"""


@pytest.mark.parametrize("width", [390, 1280])
def test_figures_are_legible_and_nothing_overflows(browser, served_site, width):
    problems, seen = [], 0
    browser.execute_cdp_cmd("Emulation.setDeviceMetricsOverride",
                            {"width": width, "height": 900, "deviceScaleFactor": 1, "mobile": width < 600})
    try:
        for lang in SITE_LANGS:
            for page in nav_pages():
                url = served_site.url + page_url(lang, page)
                _load(browser, served_site, url)
                _wait(lambda: browser.execute_script("return document.querySelectorAll('.arithmatex:not([data-katex-done])').length") == 0,
                      f"KaTeX on {url}")
                problems += [f"{url}: {p}" for p in browser.execute_script(OVERFLOW_JS)]
                for src, shown, room in browser.execute_script(FIGURES_JS):
                    seen += 1
                    smallest, canvas = _svg_min_text(served_site.dir, src)
                    px = smallest * shown / canvas
                    if px < MIN_TEXT_PX:
                        problems.append(f"{url}: {src.rsplit('/figures/', 1)[1]} text {px:.1f} px at {shown} px wide")
                    if shown > room + 1:
                        problems.append(f"{url}: {src} is {shown} px wide in a {room} px column")
            if width == 390:
                _load(browser, served_site, served_site.url + page_url(lang, "plateau.md"))
                ARTIFACTS.mkdir(parents=True, exist_ok=True)
                browser.save_screenshot(str(ARTIFACTS / f"{lang}-plateau-390.png"))
    finally:
        browser.execute_cdp_cmd("Emulation.clearDeviceMetricsOverride", {})
    assert seen >= len(SITE_LANGS) * 10, f"only {seen} figures seen"
    assert not problems, "\n".join(problems[:40])


CLIPPED_JS = """
const svg = document.documentElement, canvas = svg.getBoundingClientRect(), bad = [];
for (const g of svg.querySelectorAll('g[id^="text_"]')) {
  const b = g.getBoundingClientRect();
  if (b.width && (b.left < canvas.left - 0.5 || b.top < canvas.top - 0.5 ||
                  b.right > canvas.right + 0.5 || b.bottom > canvas.bottom + 0.5))
    bad.push(g.id + ' ' + (g.firstChild && g.firstChild.nextSibling ? '' : '') +
             [b.left, b.top, b.right, b.bottom].map(v => v.toFixed(1)).join(',') + ' in ' +
             [canvas.width, canvas.height].map(v => v.toFixed(1)).join('x'));
}
return bad;
"""


def test_no_figure_text_is_clipped_in_the_browser(browser, served_site):
    # the same check as tests/test_figures.py, measured by Chromium's own renderer
    figures = sorted((served_site.dir / "assets" / "figures").glob("*/*/*.svg"))
    assert figures
    problems = []
    for path in figures:
        rel = path.relative_to(served_site.dir).as_posix()
        browser.get(served_site.url + rel)
        problems += [f"{rel}: {p}" for p in browser.execute_script(CLIPPED_JS)]
    assert not problems, "\n".join(problems[:40])
