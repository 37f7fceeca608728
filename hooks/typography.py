"""MkDocs hook: each language's typography on every built page, by code, not by hand.

French needs a narrow no-break space before ; ! ? and inside « », a no-break
space before :, and the apostrophe ’; Spanish and French numbers keep their
spaces unbreakable; Chinese text has full-width parentheses and no stray spaces
(a line break between two Han characters in the Markdown source would show as
a space). The rules live in trainer/i18n/typography.py, shared with the
catalogs and the figures; this hook applies them to the text of the finished
HTML page (article, navigation, table of contents, headers, the template
overrides) and to nothing else: tags, attributes, entities, scripts, styles,
code, preformatted text and TeX math stay byte for byte.

The language is the one the page is written in: an English page shown as a
fallback under /fr/ keeps English typography.
"""

import html as htmllib
import re

from trainer.i18n.typography import typeset

# Text inside these elements is never typeset.
RAW = ("script", "style", "pre", "code", "kbd", "samp", "textarea", "svg", "math")
TOKEN = re.compile(
    r"<!--.*?-->|<![^>]*>|<\?[^>]*>"  # comments, <!doctype html>, processing instructions
    r"|<(script|style|pre|textarea)\b(?:[^>\"']|\"[^\"]*\"|'[^']*')*>.*?</\1\s*>"
    r"|</?([A-Za-z][A-Za-z0-9-]*)(?:[^>\"']|\"[^\"]*\"|'[^']*')*>",
    re.S | re.I)
MATH_CLASS = re.compile(r"""\bclass\s*=\s*["'][^"']*\barithmatex\b""", re.I)
VOID = {"area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "source", "track", "wbr"}


INLINE = {"a", "abbr", "b", "code", "em", "i", "kbd", "mark", "q", "s", "samp", "small", "span", "strong",
          "sub", "sup", "u"}


def _typeset_node(text, lang, after_inline, before_inline):
    """Typeset one text node. Next to an inline element the node is not the start (or end)
    of a phrase: `x` stands in for the neighbour while the rules run ("<code>x</code> ?",
    "d'<code>iter</code>"). Entities are decoded first (&nbsp; is a space to the rules) and
    &, <, > encoded again."""
    text = htmllib.unescape(text)
    lead = "x" if after_inline and text[:1] not in ("", " ", "\n", "\t") else ""
    lead = "x" if after_inline and re.match(r"[ \t]*[;:!?»]", text) else lead
    trail = "x" if before_inline and text.endswith("'") else ""
    out = typeset(lead + text + trail, lang)
    return htmllib.escape(out[len(lead):len(out) - len(trail)], quote=False)


def typeset_html(html, lang):
    """`html` with `lang`'s typography applied to its text nodes outside RAW elements and
    arithmatex math."""
    tokens = list(TOKEN.finditer(html))
    out, pos, raw_stack, after_inline = [], 0, [], False
    for k, m in enumerate(tokens + [None]):
        end = m.start() if m else len(html)
        text = html[pos:end]
        if raw_stack or not text:
            out.append(text)
        else:
            before_inline = bool(m and (m.group(2) or "").lower() in INLINE)
            out.append(_typeset_node(text, lang, after_inline, before_inline))
        if m is None:
            break
        tag = m.group(0)
        name = (m.group(2) or "").lower()
        if name and not m.group(1) and name not in VOID and not tag.endswith("/>"):
            if tag.startswith("</"):
                if raw_stack and raw_stack[-1] == name:
                    raw_stack.pop()
            elif raw_stack or name in RAW or MATH_CLASS.search(tag):
                raw_stack.append(name)
        after_inline = name in INLINE or name in ("code", "kbd")
        out.append(tag)
        pos = m.end()
    return "".join(out)


def page_language(page, config):
    locale = getattr(page.file, "locale", None)
    if locale:
        return locale
    i18n = config.plugins.get("i18n")
    return getattr(i18n, "current_language", None) or "en"


def on_post_page(output, page, config):
    lang = page_language(page, config)
    return output if lang == "en" else typeset_html(output, lang)
