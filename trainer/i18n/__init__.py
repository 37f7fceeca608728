"""Every human-facing string of figures and findings, and number formatting, per language.

A catalog is a plain dict: key -> {lang: template}. Templates use str.format
fields, so `t(CATALOG, "x", "es", step=3)` fills `{step}`. Numbers are
formatted *before* they reach a template, with the fmt_* helpers below, so
"7 600 millones" (es), "7,6 milliards" (fr) and "76 億" (zh-Hant) come from one
place. A fifth language is one more key in each catalog, and
tests/test_i18n.py fails until every catalog has it.
"""
import math

LANGS = ("en", "es", "fr", "zh-Hant")

# Thousands separators: English and Chinese use a comma; Spanish (RAE) and French
# (Imprimerie nationale) use a space, non-breaking so a number never wraps.
# French prefers the narrow no-break space U+202F.
_THOUSANDS = {"en": ",", "es": "\u00a0", "fr": "\u202f", "zh-Hant": ","}
_DECIMAL = {"en": ".", "es": ",", "fr": ",", "zh-Hant": "."}


def check_lang(lang):
    if lang not in LANGS:
        raise ValueError(f"unknown language {lang!r}; expected one of {', '.join(LANGS)}")
    return lang


def t(catalog, key, lang, **fields):
    """Look up `key` in `catalog` for `lang` and fill its fields."""
    check_lang(lang)
    try:
        template = catalog[key][lang]
    except KeyError as e:
        raise KeyError(f"i18n: no {lang!r} text for {key!r}") from e
    return template.format(**fields) if fields else template


def _group(digits, sep):
    out = []
    while len(digits) > 3:
        out.insert(0, digits[-3:])
        digits = digits[:-3]
    out.insert(0, digits)
    return sep.join(out)


def fmt_float(x, lang, digits=2, group=True):
    """A fixed-point number with the language's decimal mark and grouping."""
    check_lang(lang)
    if math.isnan(x):
        return "NaN"
    if math.isinf(x):
        return "∞" if x > 0 else "-∞"
    s = f"{abs(x):.{digits}f}"
    whole, _, frac = s.partition(".")
    # Spanish groups only numbers of five or more digits (RAE: 1000 but 10 000).
    if group and not (lang == "es" and len(whole) <= 4):
        whole = _group(whole, _THOUSANDS[lang])
    sign = "-" if x < 0 and float(s) != 0 else ""
    return sign + whole + (_DECIMAL[lang] + frac if frac else "")


def fmt_int(n, lang):
    """524288 -> '524,288' (en), '524 288' (es, fr), '524,288' (zh-Hant)."""
    return fmt_float(int(round(n)), lang, digits=0)


def fmt_pct(percent, lang, digits=1):
    """12.34 -> '12.3%' (en), '12,3 %' (es, fr: a space before %), '12.3%' (zh-Hant)."""
    num = fmt_float(percent, lang, digits)
    return num + ("\u00a0%" if lang in ("es", "fr") else "%")


# Large counts in words. The long scale matters: in Spanish and French a
# "billón"/"billion" is 10^12, so 7.6e9 is "7 600 millones" / "7,6 milliards".
def fmt_count(n, lang, digits=1):
    """A large count in words: 7.6e9 -> '7.6 billion' / '7 600 millones' / '7,6 milliards' / '76 億'."""
    check_lang(lang)
    n = float(n)
    if lang == "zh-Hant":
        for size, word in ((1e12, "兆"), (1e8, "億"), (1e4, "萬")):
            if abs(n) >= size:
                return f"{fmt_float(n / size, lang, digits).rstrip('0').rstrip('.')} {word}".replace(" ", "")
        return fmt_int(n, lang)
    if lang == "es":
        # Spanish has no word for 10^9: "7 600 millones"; "billón" is 10^12.
        if abs(n) >= 1e12:
            return f"{_trim(fmt_float(n / 1e12, lang, digits), lang)} billones"
        if abs(n) >= 1e6:
            # Grouped even at four digits, so thousands of millions read at a glance.
            millions = _group(str(int(round(n / 1e6))), _THOUSANDS[lang]) if abs(n) >= 1e9 else _trim(fmt_float(n / 1e6, lang, digits), lang)
            return f"{millions} millones"
        return fmt_int(n, lang)
    scales = {
        "en": ((1e12, "trillion"), (1e9, "billion"), (1e6, "million")),
        "fr": ((1e12, "billions"), (1e9, "milliards"), (1e6, "millions")),
    }[lang]
    for size, word in scales:
        if abs(n) >= size:
            return f"{_trim(fmt_float(n / size, lang, digits), lang)}\u00a0{word}" if lang == "fr" else f"{_trim(fmt_float(n / size, lang, digits), lang)} {word}"
    return fmt_int(n, lang)


def _trim(s, lang):
    """'7.0' -> '7', '7,60' -> '7,6': drop trailing zeros after the decimal mark."""
    mark = _DECIMAL[lang]
    if mark in s:
        s = s.rstrip("0").rstrip(mark)
    return s


def fmt_params(n, lang, digits=2):
    """A parameter count as nanoGPT prints it: 40560000 -> '40.56M' (en), '40,56 M' (es, fr)."""
    num = fmt_float(n / 1e6, lang, digits)
    return num + ("\u00a0M" if lang in ("es", "fr") else "M")


def fmt_sci(x, lang, digits=1):
    """A small or large float in scientific notation: 2.5e-4 -> '2.5e-4' / '2,5·10⁻⁴'."""
    check_lang(lang)
    if x == 0:
        return "0"
    exp = int(math.floor(math.log10(abs(x))))
    mant = x / 10 ** exp
    if lang == "en" or lang == "zh-Hant":
        return f"{mant:.{digits}f}e{exp}"
    sup = str(exp).translate(str.maketrans("-0123456789", "⁻⁰¹²³⁴⁵⁶⁷⁸⁹"))
    return f"{fmt_float(mant, lang, digits)}·10{sup}"
