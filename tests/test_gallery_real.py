"""The real gallery: committed outputs are fresh, complete in four languages, and every
experiment still runs end to end in the smoke profile (CI's `make test` runs this)."""
import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from trainer.gallery import manifest as mf
from trainer.gallery.layout import Layout, experiment_names
from trainer.gallery.render import VALUE_KINDS
from trainer.i18n import LANGS

REPO = Path(__file__).resolve().parents[1]
LAYOUT = Layout(REPO, 'cpu')
MANIFEST = mf.load(LAYOUT)
NAMES = experiment_names(REPO)


def gallery(*args, timeout=600):
    env = {**os.environ, 'PYTHONPATH': str(REPO)}
    env.pop('PROFILE', None)
    return subprocess.run([sys.executable, '-m', 'trainer.gallery', *args, '--root', str(REPO)], cwd=REPO, env=env,
                          capture_output=True, text=True, timeout=timeout)


def test_the_gallery_has_experiments_and_all_are_in_the_manifest():
    assert NAMES, 'gallery/ has no experiments'
    missing = [n for n in NAMES if n not in MANIFEST]
    assert not missing, f'never rendered (run make figures and commit): {missing}'


def test_committed_outputs_match_a_rerender_from_committed_run_data():
    # the freshness check: nothing trains, every figure, table, value and fragment is re-rendered
    res = gallery('check')
    assert res.returncode == 0, res.stderr + res.stdout


@pytest.mark.parametrize('name', sorted(MANIFEST))
def test_every_figure_table_and_value_exists_in_four_languages(name):
    entry = MANIFEST[name]
    per_lang = {lang: sorted(p.replace(f'/{lang}/', '/<lang>/') for p in entry['outputs'] if f'/{lang}/' in p)
                for lang in LANGS}
    assert per_lang['en'], f'{name} has no localized outputs'
    for lang in LANGS:
        assert per_lang[lang] == per_lang['en'], f'{name}: {lang} outputs differ from en'
    for path in mf.all_files(entry):
        assert (REPO / path).is_file(), path
    assert any(p.endswith('.svg') for p in entry['outputs']), f'{name} draws no figure'
    values = REPO / LAYOUT.values(name)
    if values.exists():
        for key, entry in json.loads(values.read_text(encoding='utf-8')).items():
            # every language's text, the raw value and its kind; a value measured per seed also
            # carries the seeds, their values and the spread (trainer/gallery/render.py)
            assert {'value', 'kind', *LANGS} <= set(entry) <= {'value', 'kind', 'seeds', 'values', 'spread',
                                                              *LANGS}, f'{name}.{key}'
            assert entry['kind'] in VALUE_KINDS, f'{name}.{key}'


def test_every_experiment_runs_in_the_smoke_profile(tmp_path):
    # --force: train from scratch (seconds-long runs) into a temp tree; the committed tree is not touched
    res = gallery('run', '--profile', 'smoke', '--force', '--no-progress', '--out', str(tmp_path), timeout=900)
    assert res.returncode == 0, res.stderr + res.stdout
    smoke = mf.load(Layout(REPO, 'smoke', out=tmp_path))
    assert sorted(smoke) == sorted(NAMES)
    for name, entry in smoke.items():
        for lang in LANGS:
            assert any(f'/{lang}/' in p and p.endswith('.svg') for p in entry['outputs']), (name, lang)
