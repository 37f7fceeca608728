"""Every catalog in trainer/i18n/ speaks all four languages, and numbers read right in each."""
import importlib
import pkgutil
import string
from pathlib import Path

import pytest

import trainer.i18n as i18n
from trainer.i18n import (LANGS, fmt_count, fmt_float, fmt_int, fmt_params, fmt_pct, fmt_sci, t)

REPO = Path(__file__).resolve().parents[1]


def catalogs():
    """(module.NAME, dict) for every module-level dict of key -> {lang: template} in trainer/i18n/."""
    from trainer.i18n.figures import FIGURES
    FIGURES.load_all()  # the per-experiment strings are imported lazily otherwise
    found = []
    for info in pkgutil.iter_modules(i18n.__path__):
        module = importlib.import_module(f'trainer.i18n.{info.name}')
        for name, value in vars(module).items():
            if (name.isupper() and isinstance(value, dict) and value
                    and all(isinstance(v, dict) for v in value.values())
                    and any(set(v) & set(LANGS) for v in value.values())):
                found.append((f'{info.name}.{name}', value))
    return found


def test_the_two_finding_catalogs_share_no_key():
    from trainer.i18n.findings_loss import LOSS_FINDINGS
    from trainer.i18n.findings_run import RUN_FINDINGS
    assert not set(LOSS_FINDINGS) & set(RUN_FINDINGS)  # the analyzer merges them into one CATALOG


def _fields(template):
    return sorted({f for _, f, _, _ in string.Formatter().parse(template) if f is not None})


def test_there_are_catalogs():
    assert 'figures.FIGURES' in [name for name, _ in catalogs()]


@pytest.mark.parametrize('name,catalog', catalogs(), ids=[n for n, _ in catalogs()])
def test_every_key_has_the_four_languages_and_the_same_fields(name, catalog):
    for key, entry in catalog.items():
        assert set(entry) == set(LANGS), f"{name}[{key!r}] has {sorted(entry)}, expected {list(LANGS)}"
        for lang, template in entry.items():
            assert isinstance(template, str) and template.strip(), f"{name}[{key!r}][{lang!r}] is empty"
        fields = {lang: _fields(template) for lang, template in entry.items()}
        assert len({tuple(f) for f in fields.values()}) == 1, f"{name}[{key!r}] fields differ: {fields}"


def test_every_gallery_experiment_has_a_title_in_every_language():
    from trainer.i18n.figures import FIGURES
    FIGURES.load_all()
    scripts = [p.stem for p in (REPO / 'gallery').glob('*.py') if not p.stem.startswith('_')]
    for name in scripts:
        assert f'{name}.title' in FIGURES, f"gallery/{name}.py has no '{name}.title' in trainer/i18n/experiments/{name}.py"


def test_t_fills_fields_and_names_what_is_missing():
    cat = {'x': {'en': 'step {n}', 'es': 'paso {n}', 'fr': 'étape {n}', 'zh-Hant': '第 {n} 步'}}
    assert t(cat, 'x', 'fr', n=3) == 'étape 3'
    with pytest.raises(KeyError, match="no 'en' text for 'y'"):
        t(cat, 'y', 'en')
    with pytest.raises(ValueError, match='unknown language'):
        t(cat, 'x', 'de')


def test_integers_group_the_way_each_language_does():
    assert fmt_int(524288, 'en') == '524,288'
    assert fmt_int(524288, 'es') == '524\u00a0288'
    assert fmt_int(524288, 'fr') == '524\u202f288'
    assert fmt_int(524288, 'zh-Hant') == '524,288'
    assert fmt_int(1000, 'es') == '1000'  # RAE: four digits stay together
    assert fmt_int(1000, 'fr') == '1\u202f000'


def test_floats_use_the_decimal_comma_in_spanish_and_french():
    assert fmt_float(1.4697, 'en', 4) == '1.4697'
    assert fmt_float(1.4697, 'es', 2) == '1,47'
    assert fmt_float(-0.004, 'fr', 2) == '0,00'  # no "-0,00"
    assert fmt_float(float('nan'), 'en') == 'NaN'


def test_percentages():
    assert fmt_pct(11.5, 'en') == '11.5%'
    assert fmt_pct(11.5, 'fr') == '11,5\u00a0%'
    assert fmt_pct(36.2, 'zh-Hant') == '36.2%'


def test_large_counts_use_each_languages_scale():
    assert fmt_count(7.6e9, 'en') == '7.6 billion'
    assert fmt_count(7.6e9, 'es') == '7\u00a0600 millones'  # never "billones" for 10^9
    assert fmt_count(7.6e9, 'fr') == '7,6\u00a0milliards'
    assert fmt_count(7.6e9, 'zh-Hant') == '76億'
    assert fmt_count(3e12, 'es') == '3 billones'
    assert fmt_count(3e12, 'fr') == '3\u00a0billions'
    assert 'billón' not in fmt_count(2e9, 'es') and 'billones' not in fmt_count(2e9, 'es')


def test_params_and_scientific_notation():
    assert fmt_params(40_560_000, 'en') == '40.56M'
    assert fmt_params(123_587_328, 'es') == '123,59\u00a0M'
    assert fmt_sci(2.5e-4, 'en') == '2.5e-4'
    assert fmt_sci(2.5e-4, 'fr') == '2,5·10⁻⁴'
    assert fmt_sci(0, 'es') == '0'
