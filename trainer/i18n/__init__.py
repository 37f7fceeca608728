"""Every human-facing string of figures and findings, and number formatting, per language.

A catalog is a plain dict: key -> {lang: template}. Templates use str.format
fields, so `t(CATALOG, "x", "es", step=3)` fills `{step}`. Each template gets
its language's typography (trainer/i18n/typography.py) before its fields are
filled: translators type plain spaces and apostrophes, readers get French
no-break spaces before ; ! ? : and ’, Chinese full-width parentheses. Numbers
are formatted *before* they reach a template, with the fmt_* helpers
(trainer/i18n/numbers.py, on Babel), so "7602 millones" (es), "7,6 milliards"
(fr) and "76億" (zh-Hant) come from one place. Terms follow one glossary per
language (trainer/i18n/glossary.py). A fifth language is one more key in each
catalog, and tests/test_i18n.py fails until every catalog has it.
"""
from trainer.i18n.numbers import (LANGS, check_lang, fmt_count, fmt_float, fmt_int, fmt_params, fmt_pct,
                                  fmt_sci, with_de)
from trainer.i18n.typography import typeset

__all__ = ["LANGS", "check_lang", "fmt_count", "fmt_float", "fmt_int", "fmt_params", "fmt_pct", "fmt_sci",
           "t", "typeset", "with_de"]


def t(catalog, key, lang, **fields):
    """Look up `key` in `catalog` for `lang`, typeset it, and fill its fields."""
    check_lang(lang)
    try:
        template = catalog[key][lang]
    except KeyError as e:
        raise KeyError(f"i18n: no {lang!r} text for {key!r}") from e
    template = typeset(template, lang)
    return template.format(**fields) if fields else template
