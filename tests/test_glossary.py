"""trainer/i18n/glossary.py: every text the site shows uses its language's glossary word.

Read: the catalogs (figure labels, table headers, analyzer messages), the
generated fragments and values, the figures' text, the pages' prose, and the
per-language strings of mkdocs.yml. Code, log lines, identifiers, math and link
targets are not prose and are left out.
"""
import json
import re

import pytest

from conftest import REPO, mkdocs_config
from test_i18n import catalogs
from trainer.i18n.glossary import GLOSSARY, variants_in, word

LANGS = sorted(GLOSSARY)
NOT_PROSE = [re.compile(p, re.M | re.S) for p in (
    r"^([ \t>]*)(`{3,}|~{3,}).*?^\1\2[ \t]*$",      # fenced code
    r"(`+)[^\n]+?\1",                               # code spans (on one line)
    r"<!--.*?-->", r"^\s*--8<--[^\n]*$",            # comments, includes (only their own line)
    r"<span lang=\"[^\"]+\">.*?</span>",             # a quote in another language (the notes' own words)
    r"\$\$.*?\$\$|\$[^$\n]+\$",                     # math
    r"\]\([^)]*\)", r"\{[^{}\n]*\}",                # link targets, attribute lists and format fields
    r"\[\[[^\]]+\]\]", r"<[^>\n]+>",                # value references, HTML tags
)]


def prose(text):
    for pattern in NOT_PROSE:
        text = pattern.sub(" ", text)
    return text


def _found(where, text, lang):
    return [f"{where}: {found!r} (use {term.word!r} for {term.concept!r})" for term, found in variants_in(prose(text), lang)]


def test_prose_after_an_include_or_a_code_span_is_still_checked():
    # with re.S, an include or a code span once swallowed the rest of the page
    assert _found("x", '--8<-- "snippets/fr/a.md"\nLe run des notes.', "fr") == \
        ["x: 'run' (use 'entraînement' for 'run')"]
    assert _found("x", "`a`\nUn run.\n`b`", "fr") == ["x: 'run' (use 'entraînement' for 'run')"]


def test_a_quote_marked_with_its_language_is_not_ours_to_change():
    assert _found("x", '« <span lang="es">7.6 Billones de tokens</span> », soit 7,6 milliards de tokens', "fr") == \
        ["x: 'tokens' (use 'jeton' for 'token')"]
    assert _found("x", "la ficha del conjunto de datos; una ficha por palabra", "es") == \
        ["x: 'ficha' (use 'token' for 'token')"]


def test_the_detector_finds_a_variant_in_prose_only():
    assert _found("x", "Le run des notes, vu par `run.py` {#the-run}", "fr") == \
        ["x: 'run' (use 'entraînement' for 'run')"]
    assert _found("x", "```\nstep 100: 3 tokens\n```\nla [page](tokens.md)", "fr") == []
    assert word("token", "fr") == "jeton" and word("token", "en") == "token"


@pytest.mark.parametrize("lang", LANGS)
def test_catalogs_use_the_glossary(lang):
    found = []
    for name, catalog in catalogs():
        for key, entry in catalog.items():
            found += _found(f"{name}[{key!r}]", entry.get(lang, ""), lang)
    assert not found, "\n".join(found)


@pytest.mark.parametrize("lang", LANGS)
def test_generated_fragments_values_and_figures_use_the_glossary(lang):
    from svg_figures import read
    found = []
    for path in sorted((REPO / "snippets" / lang).rglob("*.md")):
        found += _found(path.relative_to(REPO), path.read_text(encoding="utf-8"), lang)
    for path in sorted((REPO / "snippets" / "values").glob("*.json")):
        for key, entry in json.loads(path.read_text(encoding="utf-8")).items():
            found += _found(f"{path.name}:{key}", entry.get(lang, ""), lang)
    for path in sorted((REPO / "docs" / "assets" / "figures" / lang).rglob("*.svg")):
        found += _found(path.relative_to(REPO), "\n".join(t.string for t in read(path).texts), lang)
    assert not found, "\n".join(found)


@pytest.mark.parametrize("lang", LANGS)
def test_pages_and_site_strings_use_the_glossary(lang):
    found = []
    for path in sorted((REPO / "docs" / lang).glob("*.md")):
        found += _found(path.relative_to(REPO), path.read_text(encoding="utf-8"), lang)
    config = next(p["i18n"] for p in mkdocs_config()["plugins"] if isinstance(p, dict) and "i18n" in p)
    language = next(entry for entry in config["languages"] if entry["locale"] == lang)
    strings = [language.get("site_description", ""), language.get("copyright", "")]
    strings += list((language.get("nav_translations") or {}).values())
    strings += list((language.get("admonition_translations") or {}).values())
    found += _found("mkdocs.yml", "\n".join(strings), lang)
    assert not found, "\n".join(found)
