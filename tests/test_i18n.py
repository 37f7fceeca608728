"""Every catalog in trainer/i18n/ speaks all four languages, and numbers read right in each."""
import importlib
import pkgutil
import string
from pathlib import Path

import pytest

import trainer.i18n as i18n
from trainer.i18n import LANGS, t

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
    cat = {'x': {'en': 'step {n}', 'es': 'paso {n}', 'fr': 'pas {n}', 'zh-Hant': '第 {n} 步'}}
    assert t(cat, 'x', 'fr', n=3) == 'pas 3'
    with pytest.raises(KeyError, match="no 'en' text for 'y'"):
        t(cat, 'y', 'en')
    with pytest.raises(ValueError, match='unknown language'):
        t(cat, 'x', 'de')


def test_t_typesets_the_template_but_not_the_fields():
    cat = {'x': {'en': "Note: {v}", 'es': "Nota: {v}", 'fr': "Note : l'iter {v} ?", 'zh-Hant': '註(見下) {v}'}}
    assert t(cat, 'x', 'fr', v="a: b") == "Note\u00a0: l\u2019iter a: b\u202f?"
    assert t(cat, 'x', 'zh-Hant', v="f(x)") == '註（見下）f(x)'  # no space after a full-width ）
    assert t(cat, 'x', 'en', v=1) == 'Note: 1'
