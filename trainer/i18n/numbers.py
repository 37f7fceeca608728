"""Numbers written the way each language writes them, on Babel (CLDR data).

Babel gives the decimal mark, grouping, percent patterns, the long-scale count
words ("7,6 milliards", "1 millón", "76億") and the plural rules. Only what a
style guide asks for differently is overridden here:

- Spanish (RAE, Ortografía 2010, §4.2.2.1): digits are grouped by a space, not
  by CLDR's point, and a four-digit number is not grouped (1000, but 10 000).
- Spanish counts of 10^9 and more are said in millions, never
  "mil millones" or "billones" (10^12 in Spanish); the count of millions is
  grouped even at four digits ("7 600 millones", as the project's style sheet asks),
  so a figure in millions reads the same in every size.
- Spanish and French keep a number and the word after it on one line: the
  space before a scale word ("7,6 milliards") is a no-break space.

Every space these functions put inside a number is a no-break one (U+00A0, or
U+202F where CLDR uses it: French grouping), so a number never wraps.
"""
import decimal
import math
import re

from babel import Locale
from babel.numbers import format_compact_decimal, format_decimal

LANGS = ("en", "es", "fr", "zh-Hant")
LOCALES = {"en": "en", "es": "es", "fr": "fr", "zh-Hant": "zh_Hant_TW"}
NBSP, NNBSP = "\u00a0", "\u202f"
DECIMAL_MARK = {"en": ".", "es": ",", "fr": ",", "zh-Hant": "."}
ES_GROUPING_FROM = 10_000  # RAE: four-digit numbers stay together

# Words a count in words ends with; before a noun, Spanish and French add "de" (see with_de).
SCALE_WORDS = {
    "es": ("millón", "millones", "billón", "billones"),
    "fr": ("million", "millions", "milliard", "milliards", "billion", "billions"),
}


def check_lang(lang):
    if lang not in LANGS:
        raise ValueError(f"unknown language {lang!r}; expected one of {', '.join(LANGS)}")
    return lang


def _locale(lang):
    return LOCALES[check_lang(lang)]


def _es_groups(s):
    """CLDR groups Spanish digits with a point; the RAE with a space."""
    return s.replace(".", NBSP)


def fmt_float(x, lang, digits=2, group=True):
    """A fixed-point number: 1234.5 -> '1,234.50' (en), '1234,50' (es), '1 234,50' (fr).

    `digits` decimals, always written; `group=False` leaves the digits ungrouped.
    NaN and infinities come out as 'NaN', '∞', '-∞' in every language."""
    _locale(lang)
    if math.isnan(x):
        return "NaN"
    if math.isinf(x):
        return "∞" if x > 0 else "-∞"
    rounded = round(x, digits)
    if rounded == 0:
        rounded = 0.0  # no "-0,00"
    grouped = group and not (lang == "es" and abs(rounded) < ES_GROUPING_FROM)
    pattern = "#,##0" + ("." + "0" * digits if digits > 0 else "")
    with decimal.localcontext() as context:
        # Babel rounds in the current decimal context, 28 digits by default: a loss of 1e24 printed
        # with 4 decimals needs 29 (a corrupt log can hold one). Any finite float fits in 400.
        context.prec = 400
        s = format_decimal(rounded, format=pattern, locale=LOCALES[lang], group_separator=grouped)
    return _es_groups(s) if lang == "es" else s


def fmt_int(n, lang):
    """524288 -> '524,288' (en), '524 288' (es, fr), '524,288' (zh-Hant); 1000 -> '1000' (es)."""
    return fmt_float(int(round(n)), lang, digits=0)


def fmt_pct(percent, lang, digits=1):
    """A percentage given in percent: 12.34 -> '12.3%' (en), '12,3 %' (es, fr: CLDR's no-break
    space), '12.3%' (zh-Hant). Spanish sentences put the article before it themselves ("el 12,3 %")."""
    pattern = Locale.parse(_locale(lang)).percent_formats[None].pattern
    if digits > 0:
        pattern = re.sub(r"0(?=[^0#,.]*$)", "0." + "0" * digits, pattern, count=1)
    value = round(percent, digits)
    value = 0.0 if value == 0 else value
    grouped = not (lang == "es" and abs(value) < ES_GROUPING_FROM)
    s = format_decimal(value / 100, format=pattern, locale=LOCALES[lang], group_separator=grouped)
    return _es_groups(s) if lang == "es" else s


def fmt_count(n, lang, digits=1):
    """A large count in words, at most `digits` decimals (trailing zeros dropped), in the
    grammatical number the count needs:

        7.6e9 -> '7.6 billion' / '7602 millones' / '7,6 milliards' / '76億'
        1e6   -> '1 million'   / '1 millón'       / '1 million'     / '100萬'
        1.2e9 -> '1.2 billion' / '1200 millones'  / '1,2 milliard'  / '12億'

    French keeps the singular below 2 (1,2 milliard); Spanish counts of 10^9 and more
    stay in millions, grouped (7 340 millones). Below a million (below 10 000 in
    Chinese) the plain number is written."""
    _locale(lang)
    n = float(n)
    if lang == "zh-Hant":
        if abs(n) < 1e4:
            return fmt_int(n, lang)
        return format_compact_decimal(n, format_type="long", locale=LOCALES[lang], fraction_digits=digits)
    if abs(n) < 1e6:
        return fmt_int(n, lang)
    if lang == "es" and 1e9 <= abs(n) < 1e12:
        millions = format_decimal(round(n / 1e6), format="#,##0", locale="es")
        return f"{_es_groups(millions)}{NBSP}millones"
    s = format_compact_decimal(n, format_type="long", locale=LOCALES[lang], fraction_digits=digits)
    if lang == "es":
        s = _es_groups(s)
    return s.replace(" ", NBSP) if lang in ("es", "fr") else s


def with_de(count, lang, next_word=""):
    """`count` as it stands before a noun: Spanish and French put "de" between a scale word
    and its noun ("7340 millones de tokens", "7,3 milliards de jetons"), French eliding it
    before a vowel or h ("2 millions d’itérations"). A plain number takes nothing ("524 288 tokens")."""
    words = SCALE_WORDS.get(check_lang(lang))
    if not words or not count.rstrip().endswith(words):
        return count
    if lang == "fr" and next_word[:1].lower() in tuple("aeiouyhàâéèêëîïôûü"):
        return count + " d’"
    return count + " de "


def fmt_params(n, lang, digits=2):
    """A parameter count as nanoGPT prints it: 40560000 -> '40.56M' (en), '40,56 M' (es, fr)."""
    num = fmt_float(n / 1e6, lang, digits)
    return num + (NBSP + "M" if lang in ("es", "fr") else "M")


def fmt_sci(x, lang, digits=1):
    """Scientific notation: 2.5e-4 -> '2.5e-4' (en, zh-Hant), '2,5·10⁻⁴' (es, fr)."""
    _locale(lang)
    if x == 0:
        return "0"
    exp = int(math.floor(math.log10(abs(x))))
    mant = x / 10 ** exp
    if lang in ("en", "zh-Hant"):
        return f"{mant:.{digits}f}e{exp}"
    sup = str(exp).translate(str.maketrans("-0123456789", "⁻⁰¹²³⁴⁵⁶⁷⁸⁹"))
    return f"{fmt_float(mant, lang, digits)}·10{sup}"
