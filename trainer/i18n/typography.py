"""Each language's typography, applied to text by code rather than typed by hand.

    typeset(text, lang)   the text with the rules below; code, format fields, URLs,
                          HTML tags and entities, and math are left exactly as they are
    problems(text, lang)  what typeset would change, as short descriptions (for tests)

French (Lexique des règles typographiques en usage à l'Imprimerie nationale):
- a narrow no-break space (U+202F) before ; ! ? and inside « »;
- a no-break space (U+00A0) before : ;
- the typographic apostrophe ’ between letters (l’analyseur), never '.
Spanish and French: a space inside a number (14 500), before % (12,3 %) or before a
count word (7,6 milliards) does not break: U+202F between French digit groups, U+00A0
everywhere else, as trainer.i18n.numbers writes them.
Traditional Chinese (Taiwan): parentheses around or next to Han text are full-width
（）, with no space before （ or after ）; there is no space between two Han characters,
nor between a number's unit (秒, 億, 倍, %…) and the Han text after it; a list of
numbers is separated by the enumeration comma 、 (1、2、3), never by ", ".

The same function serves catalog templates (trainer.i18n.t), figure text
(trainer/plot_fit.py) and built pages (hooks/typography.py), so the three agree.
"""
import functools
import re

NBSP, NNBSP = "\u00a0", "\u202f"
SPACES = f"[ \t{NBSP}{NNBSP}]"

# Left exactly as they are: code spans, format fields, URLs, markdown link targets, HTML
# tags and entities, TeX math (\( \), \[ \], $ $), private-use placeholders of callers.
PROTECTED = re.compile(
    r"(`+)(?:(?!\1).)+?\1"                       # `code`
    r"|\{[A-Za-z0-9_]*(?:[:!][^{}]*)?\}"         # {field} and {field:.2f}
    r"|[a-z][a-z0-9+.-]*://\S+"                  # URLs
    r"|\]\([^)]*\)"                              # ](link target)
    r"|<[^>]*>|&(?:#\d+|#x[0-9a-fA-F]+|[A-Za-z]+);"  # HTML
    r"|\\\(.*?\\\)|\\\[.*?\\\]|\$[^$\n]+\$",     # math
    re.S)

HAN = "\u3400-\u9fff\uf900-\ufaff"
ZH_UNITS = "秒億萬兆倍個次步層%"

_FR_RULES = [
    (re.compile(r"(?<=\w)'(?=[\w\ue000-\ue0ff])"), "\u2019"),                      # l'analyseur, d'`iter`
    (re.compile(rf"«{SPACES}*"), f"«{NNBSP}"),
    (re.compile(rf"{SPACES}*»"), f"{NNBSP}»"),
    # ; ! ? after a word, a closing bracket or quote, or a protected span; the mark then
    # ends the phrase (space, end, or closing punctuation)
    (re.compile(rf"(?<=[\w)\]»\u2019\ue000-\ue0ff%]){SPACES}*(?=[;!?](?:[\s»)\]]|$))"), NNBSP),
    (re.compile(rf"(?<=[\w)\]»\u2019\ue000-\ue0ff%]){SPACES}*(?=:(?:[\s»)\]]|$))"), NBSP),
]
_NUMBER_RULES = {
    # "14 500" (a group of three digits after a space): one number
    "es": [(re.compile(r"(?<=\d)[ \t\u202f](?=\d{3}(?!\d))"), NBSP)],
    "fr": [(re.compile(r"(?<=\d)[ \t\u00a0](?=\d{3}(?!\d))"), NNBSP)],
}
for _lang, _words in (("es", "millón|millones|billón|billones|mil"),
                      ("fr", "millions?|milliards?|billions?")):
    _NUMBER_RULES[_lang] += [
        (re.compile(r"(?<=\d)[ \t\u202f](?=%)"), NBSP),
        (re.compile(rf"(?<=\d)[ \t\u202f](?=(?:{_words})\b)"), NBSP),
    ]
ZH_PUNCT = "（）「」『』，。、：；！？"
_ZH_RULES = [
    (re.compile(rf"(?<=[{HAN}])[ \t\n]+(?=[{HAN}])"), ""),
    (re.compile(rf"(?<=[{ZH_PUNCT}])[ \t\n]+(?=[{HAN}{ZH_PUNCT}])|(?<=[{HAN}])[ \t\n]+(?=[{ZH_PUNCT}])"), ""),
    (re.compile(rf"(?<=\d[{ZH_UNITS}])[ \t]+(?=[{HAN}])"), ""),
    (re.compile(rf"\(([^()\n]*[{HAN}][^()\n]*)\)"), r"（\1）"),
    (re.compile(rf"(?<=[{HAN}])\(([^()\n]*)\)"), r"（\1）"),
    (re.compile(rf"\(([^()\n]*)\)(?=[{HAN}])"), r"（\1）"),
    (re.compile(rf"(?<=[（）])[ \t\n]+(?=[{HAN}])|(?<=[{HAN}])[ \t\n]+(?=[（）])"), ""),
    # full-width parentheses carry their own spacing: none before （ or after ）
    (re.compile(r"[ \t]+(?=（)|(?<=）)[ \t]+(?=\S)"), ""),
    # a list of numbers ("1, 2, 3", "1,200, 2,000") takes the enumeration comma 、; a
    # thousands separator has no space after it and stays
    (re.compile(r"(?<=\d), (?=\d|…)"), "、"),
]
RULES = {"en": [], "es": _NUMBER_RULES["es"], "fr": _FR_RULES + _NUMBER_RULES["fr"], "zh-Hant": _ZH_RULES}


def _protect(text):
    """Replace protected spans by private-use characters U+E000.. (one per span)."""
    spans = []

    def keep(m):
        spans.append(m.group(0))
        return chr(0xE000 + len(spans) - 1)

    if len(PROTECTED.findall(text)) > 255:  # more spans than placeholders: leave the text alone
        return None, None
    return PROTECTED.sub(keep, text), spans


def _restore(text, spans):
    return re.sub("[\ue000-\ue0ff]", lambda m: spans[ord(m.group(0)) - 0xE000], text)


@functools.lru_cache(maxsize=4096)
def typeset(text, lang):
    """`text` with `lang`'s typography (see the module docstring); other languages unchanged."""
    rules = RULES.get(lang)
    if not rules or not text:
        return text
    masked, spans = _protect(text)
    if masked is None:
        return text
    for pattern, replacement in rules:
        masked = pattern.sub(replacement, masked)
    return _restore(masked, spans)


def problems(text, lang):
    """The places where `text` breaks `lang`'s typography: [(excerpt, corrected excerpt)]."""
    fixed = typeset(text, lang)
    if fixed == text:
        return []
    import difflib
    out = []
    matcher = difflib.SequenceMatcher(a=text, b=fixed, autojunk=False)
    for tag, i1, i2, j1, j2 in matcher.get_opcodes():
        if tag != "equal":
            out.append((text[max(0, i1 - 12):i2 + 12], fixed[max(0, j1 - 12):j2 + 12]))
    return out
