"""trainer/i18n/numbers.py: numbers as each language writes them (Babel, plus the RAE's overrides)."""
import pytest

from trainer.i18n.numbers import (LANGS, fmt_count, fmt_float, fmt_int, fmt_params, fmt_pct, fmt_sci,
                                  with_de)

NBSP, NNBSP = '\u00a0', '\u202f'


def test_integers_group_the_way_each_language_does():
    assert fmt_int(524288, 'en') == '524,288'
    assert fmt_int(524288, 'es') == f'524{NBSP}288'  # RAE: a space, not CLDR's point
    assert fmt_int(524288, 'fr') == f'524{NNBSP}288'
    assert fmt_int(524288, 'zh-Hant') == '524,288'
    assert fmt_int(1000, 'es') == '1000'  # RAE: four digits stay together
    assert fmt_int(9999, 'es') == '9999' and fmt_int(10000, 'es') == f'10{NBSP}000'
    assert fmt_int(1000, 'fr') == f'1{NNBSP}000'


def test_floats_use_the_decimal_comma_in_spanish_and_french():
    assert fmt_float(1.4697, 'en', 4) == '1.4697'
    assert fmt_float(1.4697, 'es', 2) == '1,47'
    assert fmt_float(1234.5, 'es', 1) == '1234,5'
    assert fmt_float(12345.5, 'fr', 1) == f'12{NNBSP}345,5'
    assert fmt_float(-0.004, 'fr', 2) == '0,00'  # no "-0,00"
    assert fmt_float(-1.5, 'en', 1) == '-1.5'
    assert fmt_float(float('nan'), 'en') == 'NaN' and fmt_float(float('inf'), 'es') == '∞'
    assert fmt_float(2.5, 'zh-Hant', 0, group=False) == '2'


def test_percentages_follow_cldr_with_a_no_break_space_in_spanish_and_french():
    assert fmt_pct(11.5, 'en') == '11.5%'
    assert fmt_pct(11.5, 'fr') == f'11,5{NBSP}%'
    assert fmt_pct(47.6, 'es') == f'47,6{NBSP}%'
    assert fmt_pct(36.2, 'zh-Hant') == '36.2%'
    assert fmt_pct(12, 'es', 0) == f'12{NBSP}%'


@pytest.mark.parametrize('n,lang,want', [
    (7.6e9, 'en', '7.6 billion'), (7.6e9, 'es', f'7{NBSP}600{NBSP}millones'),
    (7.6e9, 'fr', f'7,6{NBSP}milliards'), (7.6e9, 'zh-Hant', '76億'),
    (7.34e9, 'es', f'7{NBSP}340{NBSP}millones'), (1.0486e10, 'es', f'10{NBSP}486{NBSP}millones'), (7.3e9, 'fr', f'7,3{NBSP}milliards'),
    (1e6, 'es', f'1{NBSP}millón'), (2e6, 'es', f'2{NBSP}millones'), (1.2e6, 'es', f'1,2{NBSP}millones'),
    (1e9, 'fr', f'1{NBSP}milliard'), (1.2e9, 'fr', f'1,2{NBSP}milliard'), (1.2e6, 'fr', f'1,2{NBSP}million'),
    (2e6, 'fr', f'2{NBSP}millions'), (1e6, 'en', '1 million'), (1.2e9, 'en', '1.2 billion'),
    (3e12, 'es', f'3{NBSP}billones'), (3e12, 'fr', f'3{NBSP}billions'), (3e12, 'en', '3 trillion'),
    (5e5, 'fr', f'500{NNBSP}000'), (5e5, 'zh-Hant', '50萬'), (9000, 'zh-Hant', '9,000'),
])
def test_counts_in_words_use_each_languages_scale_and_grammatical_number(n, lang, want):
    assert fmt_count(n, lang) == want


def test_spanish_never_writes_billones_for_ten_to_the_ninth():
    for n in (1e9, 2e9, 9.99e11):
        assert 'bill' not in fmt_count(n, 'es') and 'mil millones' not in fmt_count(n, 'es')


def test_de_before_a_noun_only_after_a_scale_word():
    assert with_de(fmt_count(7.34e9, 'es'), 'es') + 'tokens' == f'7{NBSP}340{NBSP}millones de tokens'
    assert with_de(fmt_count(7.3e9, 'fr'), 'fr', 'jetons') + 'jetons' == f'7,3{NBSP}milliards de jetons'
    assert with_de(fmt_count(2e6, 'fr'), 'fr', 'itérations') + 'itérations' == f'2{NBSP}millions d’itérations'
    assert with_de(fmt_count(5e5, 'es'), 'es') == f'500{NBSP}000'  # a plain number: "500 000 tokens"
    assert with_de('7.6 billion', 'en') == '7.6 billion'
    with pytest.raises(ValueError):
        with_de('1', 'de')


def test_params_and_scientific_notation():
    assert fmt_params(40_560_000, 'en') == '40.56M'
    assert fmt_params(123_587_328, 'es') == f'123,59{NBSP}M'
    assert fmt_sci(2.5e-4, 'en') == '2.5e-4'
    assert fmt_sci(2.5e-4, 'fr') == '2,5·10⁻⁴'
    assert fmt_sci(0, 'es') == '0'


def test_every_language_has_a_babel_locale():
    for lang in LANGS:
        assert fmt_int(1234567, lang).replace(NBSP, '').replace(NNBSP, '').replace(',', '') == '1234567'
    with pytest.raises(ValueError, match='unknown language'):
        fmt_int(1, 'de')


def test_huge_numbers_keep_their_decimals():
    # found by the analyzer's fuzz test: a log that prints a val loss of 1e24
    assert fmt_float(1e24, 'en', 4) == '1,000,000,000,000,000,000,000,000.0000'
    assert fmt_float(-1e300, 'fr', 1).endswith(',0')
