"""MkDocs hook: put computed numbers into the pages, in the page's language.

Pages never type a number that code computes. They write ``[[name.key]]`` and
this hook replaces it with the string for the page's language from
``snippets/values/<name>.json``, which the gallery runner writes:

    {"<key>": {"value": <raw>, "en": "1,234", "es": "1234", "fr": "1 234", "zh-Hant": "1,234"}}

The language is the language the page's *source file* is written in (the
i18n plugin's ``file.locale``): an English page shown as a fallback under /es/
keeps English number formatting, matching its English prose.

A reference that cannot be resolved is logged as an error naming the page and
the key, so ``mkdocs build --strict`` fails, and is left in the page as typed.
Fenced code blocks and inline code are left alone: a page may show the syntax.

Before a noun, Spanish and French put "de" after a count in words:
``[[seeds_arithmetic.tokens_seen|de]] tokens`` gives "7 602 millones de tokens"
but "524 288 tokens" for a plain number, and French elides it before a vowel
("2 millions d’itérations"). The rule is trainer.i18n.numbers.with_de.
Fragments included with ``--8<--`` are expanded after this hook runs, so they
are not scanned; the generator formats their numbers itself.
"""

import json
import logging
import os
import re

from trainer.i18n.numbers import with_de

log = logging.getLogger("mkdocs.hooks.values")

DEFAULT_LANG = "en"
LOCALE_SHAPED = re.compile(r"^[a-z]{2}(-[A-Za-z]{4})?(-[A-Z]{2})?$")  # the i18n plugin's folder names
VALUE_REF = re.compile(r"\[\[([A-Za-z0-9_-]+)\.([A-Za-z0-9_.-]+)\]\]")
# a reference with |de, the blanks after it and the word they lead to
VALUE_REF_DE = re.compile(r"\[\[([A-Za-z0-9_-]+)\.([A-Za-z0-9_.-]+)\|de\]\]([ \t]*(?:\n[ \t]*)?)(?=(\w*))")
FENCE_OPEN = re.compile(r"^[ \t>]*(`{3,}|~{3,})")
# A CommonMark code span: a run of n backticks, content, the same run of n.
CODE_SPAN = re.compile(r"(?<!`)(`+)(?!`).+?(?<!`)\1(?!`)", re.DOTALL)

_cache = {}  # path -> (mtime_ns, parsed dict or None)


class ValuesError(Exception):
    """A values file that cannot be used (unreadable, bad JSON, bad shape)."""


def load_values_file(path):
    """Parse one values file; raise ValuesError with a one-line reason."""
    try:
        with open(path, encoding="utf-8") as f:
            data = json.load(f)
    except (OSError, UnicodeDecodeError, json.JSONDecodeError) as e:
        raise ValuesError(f"cannot read {path}: {e}") from None
    if not isinstance(data, dict):
        raise ValuesError(f"{path}: top level must be an object of keys")
    return data


def values_for(values_dir, name):
    """The parsed values file for `name`, cached until the file changes; None if absent."""
    path = os.path.join(values_dir, f"{name}.json")
    try:
        mtime = os.stat(path).st_mtime_ns
    except FileNotFoundError:
        return None
    cached = _cache.get(path)
    if cached is None or cached[0] != mtime:
        cached = (mtime, load_values_file(path))
        _cache[path] = cached
    return cached[1]


def lookup(values_dir, name, key, lang):
    """The string for [[name.key]] in `lang`; raise ValuesError saying what is missing."""
    data = values_for(values_dir, name)
    if data is None:
        raise ValuesError(f"no values file snippets/values/{name}.json")
    entry = data.get(key)
    if entry is None:
        raise ValuesError(f"unknown key '{key}' in snippets/values/{name}.json")
    if not isinstance(entry, dict) or not isinstance(entry.get(lang), str):
        raise ValuesError(f"snippets/values/{name}.json: key '{key}' has no '{lang}' string")
    return entry[lang]


def outside_code(markdown):
    """Yield (text, is_code) chunks: fenced blocks and inline code spans are code."""
    lines = markdown.splitlines(keepends=True)
    prose, i = [], 0
    while i < len(lines):
        m = FENCE_OPEN.match(lines[i])
        if not m:
            prose.append(lines[i])
            i += 1
            continue
        yield from _split_spans("".join(prose))
        prose = []
        fence = m.group(1)
        close = re.compile(r"^[ \t>]*" + re.escape(fence[0]) + "{" + str(len(fence)) + r",}[ \t]*$")
        block = [lines[i]]
        i += 1
        while i < len(lines):
            block.append(lines[i])
            i += 1
            if close.match(block[-1].rstrip("\r\n")):
                break
        yield "".join(block), True
    yield from _split_spans("".join(prose))


def _split_spans(text):
    pos = 0
    for m in CODE_SPAN.finditer(text):
        yield text[pos:m.start()], False
        yield m.group(0), True
        pos = m.end()
    yield text[pos:], False


def substitute(markdown, values_dir, lang):
    """Replace every [[name.key]] and [[name.key|de]] outside code; return (new markdown,
    list of error strings)."""
    errors = []

    def value(m):
        try:
            return lookup(values_dir, m.group(1), m.group(2), lang)
        except ValuesError as e:
            errors.append(f"{m.group(0).rstrip()}: {e}")
            return None

    def replace_de(m):
        text = value(m)
        if text is None:
            return m.group(0)
        blank = m.group(3)
        joined = with_de(text, lang, m.group(4))
        if joined == text:
            return text + blank
        if joined.endswith(" "):  # "millones de " + the page's own blank (a line break stays one)
            return joined.rstrip(" ") + (blank or " ")
        return joined  # elided: "millions d’" + the noun, with no blank between

    def replace(m):
        text = value(m)
        return m.group(0) if text is None else text

    out = [chunk if is_code else VALUE_REF.sub(replace, VALUE_REF_DE.sub(replace_de, chunk))
           for chunk, is_code in outside_code(markdown)]
    return "".join(out), errors


def page_language(page):
    """The language of the page's source file: the i18n plugin's locale, else its docs/<lang>/ folder."""
    locale = getattr(page.file, "locale", None)
    if locale:
        return locale
    first = page.file.src_uri.split("/", 1)[0]
    return first if LOCALE_SHAPED.match(first) else DEFAULT_LANG


def values_dir_of(config):
    return os.path.join(os.path.dirname(os.path.abspath(config["config_file_path"])), "snippets", "values")


def on_page_markdown(markdown, page, config, files):
    if "[[" not in markdown:
        return markdown
    lang = page_language(page)
    new, errors = substitute(markdown, values_dir_of(config), lang)
    for err in errors:
        log.error(f"{page.file.src_uri} ({lang}): {err}")
    return new
