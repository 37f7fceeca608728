"""The gallery runner on a fake gallery of tiny experiments in a temp folder.

alpha draws a line (no training); beta trains the real trainer for 2 iterations
on a tiny char dataset. The runner runs as `python -m trainer.gallery`, in a
subprocess, as `make figures` does.
"""
import json
import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import numpy as np
import pytest

from trainer.i18n import LANGS

REPO = Path(__file__).resolve().parents[1]

# Fake experiments register their titles at run time, so the real catalog holds no test strings.
TITLES = """
from trainer.i18n.figures import FIGURES
FIGURES.setdefault('{name}.title', {{'en': '{name} en', 'es': '{name} es', 'fr': '{name} fr', 'zh-Hant': '{name} 中文'}})
"""

ALPHA = '''\
"""Is a line a line? A tiny experiment without training."""
import os, time
from trainer.gallery import Experiment
{titles}
exp = Experiment(__file__)
SLOPE = {slope}
xs = list(range(10))

@exp.render
def render(r):
    with r.figure('line') as (fig, ax):
        ax.plot(xs, [SLOPE * x for x in xs], label=r.t('val'))
        ax.set_xlabel(r.t('iteration'))
        ax.legend()
    r.table('numbers', [r.t('iteration'), r.t('loss')], [[x, r.num(SLOPE * x, 2)] for x in xs[:3]], align='rr')
    r.value('slope', SLOPE, 'num', 1)
    {extra}
'''

BETA = '''\
"""Does a tiny model learn? Two iterations of the real trainer."""
from pathlib import Path
from trainer.gallery import Experiment
{titles}
exp = Experiment(__file__)
data = exp.local_data(Path(__file__).parent.parent / 'tiny')
run = exp.train('tiny', data, max_iters={iters}, eval_interval=1, eval_iters=2, log_interval=1, batch_size=2,
                block_size=16, n_layer=1, n_head=1, n_embd=16, gradient_accumulation_steps=1, warmup_iters=0,
                lr_decay_iters=2)

@exp.render
def render(r):
    with r.figure('loss') as (fig, ax):
        ax.plot(run.first.eval_steps, run.first.val_loss, label=r.t('val'))
        ax.legend()
    last = run.first.val_loss[-1]
    r.value('final_val', last, 'num', {digits})
'''


def write_alpha(root, slope=0.5, extra=''):
    text = ALPHA.format(titles=TITLES.format(name='alpha'), slope=slope, extra=extra)
    (root / 'gallery' / 'alpha.py').write_text(text)


def write_beta(root, iters=2, digits=3):
    (root / 'gallery' / 'beta.py').write_text(BETA.format(titles=TITLES.format(name='beta'), iters=iters, digits=digits))


def write_tiny_data(folder):
    from trainer.data import bins
    text = 'to be or not to be that is the question ' * 100
    chars = sorted(set(text))
    ids = np.array([chars.index(c) for c in text], dtype=np.uint16)
    folder.mkdir()
    n = int(len(ids) * 0.9)
    bins.write_tokens(str(folder / 'train.bin'), ids[:n])
    bins.write_tokens(str(folder / 'val.bin'), ids[n:])
    bins.write_meta(str(folder / 'meta.pkl'), bins.char_meta(chars))


@pytest.fixture
def root(tmp_path):
    (tmp_path / 'gallery').mkdir()
    write_alpha(tmp_path)
    return tmp_path


def gallery(root, *args, **kw):
    cmd = [sys.executable, '-m', 'trainer.gallery', *args, '--root', str(root)]
    if args[0] == 'run':
        cmd.append('--no-progress')
    env = {**os.environ, 'PYTHONPATH': str(REPO)}
    env.pop('PROFILE', None)
    return subprocess.run(cmd, capture_output=True, text=True, cwd=root, env=env, timeout=kw.get('timeout', 120))


def snapshot(root):
    """Every output file's bytes (the scripts and the scratch space under build/ excluded)."""
    scripts = set((root / 'gallery').glob('*.py'))
    return {p.relative_to(root).as_posix(): p.read_bytes() for p in root.rglob('*')
            if p.is_file() and p not in scripts and p.relative_to(root).parts[0] != 'build'}


def status(root):
    res = gallery(root, 'status', '--json')
    assert res.returncode == 0, res.stderr
    return {e['name']: e for e in json.loads(res.stdout)}


def test_run_writes_every_output_in_four_languages_then_warm_run_changes_nothing(root):
    res = gallery(root, 'run')
    assert res.returncode == 0, res.stderr
    assert '1 rendered, 0 fresh, 0 failed' in res.stdout
    for lang in LANGS:
        assert (root / f'docs/assets/figures/{lang}/alpha/line.svg').exists()
        assert (root / f'snippets/{lang}/alpha/numbers.md').exists()
        assert (root / f'snippets/{lang}/alpha/provenance.md').exists()
        assert (root / f'snippets/{lang}/gallery_index.md').exists()
        assert (root / f'snippets/{lang}/execution_times.md').exists()
    assert (root / 'docs/assets/figures/thumbs/alpha.png').read_bytes()[:4] == b'\x89PNG'
    assert (root / 'docs/assets/gallery/alpha.py').read_bytes() == (root / 'gallery/alpha.py').read_bytes()
    values = json.loads((root / 'snippets/values/alpha.json').read_text())
    assert values == {'slope': {'value': 0.5, 'kind': 'result', 'en': '0.5', 'es': '0,5', 'fr': '0,5', 'zh-Hant': '0.5'}}
    assert (root / 'snippets/fr/alpha/numbers.md').read_text().splitlines()[3] == '| 1 | 0,50 |'
    assert '](#alpha)' in (root / 'snippets/es/gallery_index.md').read_text()

    before = snapshot(root)
    mtimes = {p: (root / p).stat().st_mtime_ns for p in before}
    t0 = time.perf_counter()
    res = gallery(root, 'run')
    assert time.perf_counter() - t0 < 3
    assert res.returncode == 0 and '0 rendered, 1 fresh' in res.stdout
    assert snapshot(root) == before
    assert {p: (root / p).stat().st_mtime_ns for p in before} == mtimes  # not even rewritten


def test_status_json_schema_and_staleness(root):
    entry = status(root)['alpha']
    assert entry['stale'] is True and entry['outputs'] == [] and entry['seconds'] is None
    gallery(root, 'run')
    entry = status(root)['alpha']
    assert set(entry) >= {'name', 'stale', 'seconds', 'device', 'outputs'}
    assert entry['name'] == 'alpha' and entry['stale'] is False
    assert isinstance(entry['seconds'], float) and entry['seconds'] > 0 and isinstance(entry['device'], str)
    assert entry['outputs'] and all(isinstance(p, str) for p in entry['outputs'])
    for path in entry['outputs']:  # every localized output names its language as a folder
        assert sum(f'/{lang}/' in path for lang in LANGS) == 1, path
    for lang in LANGS:
        assert f'docs/assets/figures/{lang}/alpha/line.svg' in entry['outputs']
    # a missing output makes it stale, and so does an edit of the script
    (root / 'snippets/es/alpha/numbers.md').unlink()
    assert status(root)['alpha']['stale'] is True
    gallery(root, 'run')
    assert status(root)['alpha']['stale'] is False
    write_alpha(root, slope=0.25)
    assert status(root)['alpha']['stale'] is True


def test_force_only_and_unknown_name(root):
    (root / 'gallery' / 'gamma.py').write_text(
        ALPHA.format(titles=TITLES.format(name='gamma'), slope=2.0, extra=''))
    res = gallery(root, 'run', '--only', 'alpha')
    assert res.returncode == 0 and '1 rendered' in res.stdout
    assert not (root / 'docs/assets/figures/en/gamma').exists()
    assert status(root)['gamma']['stale'] is True
    res = gallery(root, 'run')
    assert '1 rendered, 1 fresh' in res.stdout
    res = gallery(root, 'run', '--force', '--only', 'gamma')
    assert res.returncode == 0 and '1 rendered, 0 fresh' in res.stdout
    res = gallery(root, 'run', '--only', 'nope')
    assert res.returncode == 2
    assert res.stderr.startswith('error: no experiment named nope') and 'Traceback' not in res.stderr


def test_failing_experiment_is_reported_and_keeps_its_previous_outputs(root):
    assert gallery(root, 'run').returncode == 0
    before = snapshot(root)
    # draws a different figure in en, es, fr, then fails in zh-Hant
    write_alpha(root, slope=3.0, extra="if r.lang == 'zh-Hant': raise RuntimeError('boom in ' + r.lang)")
    res = gallery(root, 'run')
    assert res.returncode == 1
    assert 'FAILED alpha' in res.stderr and 'Traceback (most recent call last)' in res.stderr
    assert "RuntimeError: boom in zh-Hant" in res.stderr
    assert snapshot(root) == before
    assert status(root)['alpha']['stale'] is True


def _processes_running(script):
    found = []
    for proc in Path('/proc').iterdir():
        try:
            if proc.name.isdigit() and str(script).encode() in (proc / 'cmdline').read_bytes():
                found.append(int(proc.name))
        except OSError:
            pass
    return found


@pytest.mark.skipif(not sys.platform.startswith('linux'), reason='uses /proc and PR_SET_PDEATHSIG')
def test_killing_the_runner_mid_experiment_keeps_previous_outputs(root):
    assert gallery(root, 'run').returncode == 0
    before = snapshot(root)
    # stages its en/es/fr figures, then hangs in zh-Hant
    write_alpha(root, slope=3.0, extra="if r.lang == 'zh-Hant': open(os.environ['PLATEAU_GALLERY_STAGE'] + "
                                       "'/../hanging', 'w').close(); time.sleep(300)")
    env = {**os.environ, 'PYTHONPATH': str(REPO)}
    runner = subprocess.Popen([sys.executable, '-m', 'trainer.gallery', 'run', '--no-progress', '--root', str(root)],
                              cwd=root, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    flag = root / 'build/gallery/stage/hanging'
    deadline = time.time() + 60
    while not flag.exists() and time.time() < deadline:
        time.sleep(0.1)
    assert flag.exists(), 'the experiment never reached its slow part'
    staged = list((root / 'build/gallery/stage').glob('alpha-*/docs/assets/figures/fr/alpha/line.svg'))
    assert staged, 'the new figures should be staged, not promoted'
    runner.send_signal(signal.SIGKILL)
    runner.wait()
    script = root / 'gallery' / 'alpha.py'
    deadline = time.time() + 10
    while _processes_running(script) and time.time() < deadline:
        time.sleep(0.1)
    assert not _processes_running(script), 'the experiment outlived the killed runner'
    assert snapshot(root) == before
    # the next run is not blocked by the dead one, and finishes the job
    write_alpha(root, slope=3.0)
    res = gallery(root, 'run')
    assert res.returncode == 0, res.stderr
    assert json.loads((root / 'snippets/values/alpha.json').read_text())['slope']['value'] == 3.0
    assert not list((root / 'build/gallery/stage').glob('alpha-*'))


def test_check_passes_when_fresh_and_catches_hand_edits(root):
    assert gallery(root, 'run').returncode == 0
    res = gallery(root, 'check')
    assert res.returncode == 0, res.stderr
    svg = root / 'docs/assets/figures/fr/alpha/line.svg'
    svg.write_bytes(svg.read_bytes().replace(b'</svg>', b'<!-- edited --></svg>'))
    res = gallery(root, 'check')
    assert res.returncode == 1
    assert 'docs/assets/figures/fr/alpha/line.svg: differs from a re-render' in res.stderr
    write_alpha(root, slope=0.25)
    res = gallery(root, 'check')
    assert res.returncode == 1 and 'alpha: stale' in res.stderr


def test_standalone_script_and_smoke_profile(root):
    env = {**os.environ, 'PYTHONPATH': str(REPO), 'PROFILE': 'smoke'}
    res = subprocess.run([sys.executable, 'gallery/alpha.py'], cwd=root, env=env, capture_output=True, text=True)
    assert res.returncode == 0, res.stderr
    smoke = root / 'build/gallery-smoke'
    assert (smoke / 'docs/assets/figures/zh-Hant/alpha/line.svg').exists()
    assert not (root / 'docs').exists() and not (root / 'snippets').exists()  # committed tree untouched
    res = gallery(root, 'status', '--json', '--profile', 'smoke')
    assert json.loads(res.stdout)[0]['stale'] is False
    # the runner in the default profile still sees it as never rendered
    assert status(root)['alpha']['stale'] is True


def test_presentation_change_rerenders_without_retraining_and_config_change_retrains(root):
    pytest.importorskip('torch')
    write_tiny_data(root / 'tiny')
    write_beta(root)
    res = gallery(root, 'run', '--only', 'beta')
    assert res.returncode == 0, res.stderr
    assert 'trained 1 of 1 runs' in res.stdout
    run_dir = root / 'gallery/runs/beta/tiny/seed_1337'
    assert sorted(p.name for p in run_dir.iterdir()) == ['key.json', 'metrics.jsonl', 'train.log']
    run_data = {p.name: p.read_bytes() for p in run_dir.iterdir()}
    assert b'step 2: train loss' in run_data['train.log']
    assert json.loads(run_data['key.json'])['provenance']['seed'] == 1337

    write_beta(root, digits=1)  # presentation only
    res = gallery(root, 'run', '--only', 'beta')
    assert res.returncode == 0 and 'trained 0 of 1 runs' in res.stdout
    assert {p.name: p.read_bytes() for p in run_dir.iterdir()} == run_data
    values = json.loads((root / 'snippets/values/beta.json').read_text())['final_val']
    assert values['en'] == f"{values['value']:.1f}"
    assert gallery(root, 'check', '--only', 'beta').returncode == 0

    # other data under the same script: check re-renders, but refuses to train
    train_bin = root / 'tiny' / 'train.bin'
    train_bin.write_bytes(train_bin.read_bytes()[::-1])
    res = gallery(root, 'check', '--only', 'beta')
    assert res.returncode == 1 and 'stale run data for beta/tiny/seed_1337' in res.stderr, res.stderr

    write_beta(root, iters=3, digits=1)  # a config change: the committed run data is stale
    res = gallery(root, 'check', '--only', 'beta')
    assert res.returncode == 1 and 'beta: stale' in res.stderr
    assert status(root)['beta']['stale'] is True


GAMMA = '''\
"""Does a tiny model learn, whatever the seed? Two seeds and a claim."""
from pathlib import Path
from trainer.gallery import Experiment
from trainer.gallery.claims import above
{titles}
exp = Experiment(__file__)
data = exp.local_data(Path(__file__).parent.parent / 'tiny')
group = exp.train('tiny', data, seeds=(1, 2), max_iters=4, eval_interval=2, eval_iters=2, log_interval=1,
                  batch_size=2, block_size=16, n_layer=1, n_head=1, n_embd=16, gradient_accumulation_steps=1,
                  warmup_iters=0, lr_decay_iters=4, learning_rate=1e-2)
gain = group.per_seed(lambda run: run.val_loss[0] - run.val_loss[-1])
exp.claim('learns', gain, above(0), 'val falls from the first eval to the last, for every seed')

@exp.render
def render(r):
    with r.figure('loss') as (fig, ax):
        ax.plot(group.eval_steps, group.mean('val_loss'), label=r.t('val'))
        ax.legend()
    r.value('gain', gain, 'num', 3)
'''


def write_gamma(root):
    (root / 'gallery' / 'gamma.py').write_text(GAMMA.format(titles=TITLES.format(name='gamma')))


def test_seeds_are_stored_apart_and_values_carry_their_spread(root):
    write_tiny_data(root / 'tiny')
    write_gamma(root)
    res = gallery(root, 'run', '--only', 'gamma')
    assert res.returncode == 0, res.stderr + res.stdout
    assert 'trained 2 of 2 runs' in res.stdout
    runs = root / 'gallery/runs/gamma/tiny'
    assert sorted(p.name for p in runs.iterdir()) == ['seed_1', 'seed_2']
    keys = [json.loads((runs / s / 'key.json').read_text()) for s in ('seed_1', 'seed_2')]
    assert [k['config']['seed'] for k in keys] == [1, 2] and keys[0]['key'] != keys[1]['key']
    assert keys[0]['threads'] == 1 and keys[0]['provenance']['threads'] == 1
    # different seeds: different initial weights, so different first losses
    first = [json.loads(line) for line in (runs / 'seed_1/metrics.jsonl').read_text().splitlines()[1:3]]
    other = [json.loads(line) for line in (runs / 'seed_2/metrics.jsonl').read_text().splitlines()[1:3]]
    assert first != other
    values = json.loads((root / 'snippets/values/gamma.json').read_text())
    gain = values['gain']
    assert gain['seeds'] == [1, 2] and len(gain['values']) == 2
    assert gain['value'] == pytest.approx(sum(gain['values']) / 2)
    assert gain['spread'] == pytest.approx(max(gain['values']) - min(gain['values']))
    assert ' ± ' in gain['en'] and values['gain.range']['en'].count('–') == 1
    assert values['gain.mean']['fr'] == values['gain']['fr'].split(' ± ')[0]
    # train.log names no folder of this machine: its paths are relative to the repository
    log = (runs / 'seed_1/train.log').read_text()
    assert str(root) not in log and 'out_dir = build/gallery/scratch/cpu/gamma/tiny/seed_1' in log


def test_claims_are_listed_and_a_contradicted_claim_fails_the_check(root):
    write_tiny_data(root / 'tiny')
    write_gamma(root)
    assert gallery(root, 'run', '--only', 'gamma').returncode == 0
    res = gallery(root, 'claims', '--json')
    assert res.returncode == 0, res.stderr
    (claim,) = json.loads(res.stdout)
    assert {k: claim[k] for k in ('experiment', 'name', 'holds', 'seeds')} == \
        {'experiment': 'gamma', 'name': 'learns', 'holds': True, 'seeds': [1, 2]}
    assert claim['value'] > 0 and claim['spread'] >= 0 and claim['test'] == 'every seed > 0'
    assert gallery(root, 'check', '--only', 'gamma').returncode == 0

    # The committed run data of seed 2 now says the model got worse: the same script, re-rendered
    # from it, contradicts its own claim, and the freshness check fails naming the claim.
    metrics = root / 'gallery/runs/gamma/tiny/seed_2/metrics.jsonl'
    records = [json.loads(line) for line in metrics.read_text().splitlines()]
    last_eval = max(i for i, r in enumerate(records) if r['kind'] == 'eval')
    records[last_eval]['val_loss'] = 99.0
    metrics.write_text(''.join(json.dumps(r) + '\n' for r in records))
    res = gallery(root, 'check', '--only', 'gamma')
    assert res.returncode == 1
    assert 'claim gamma.learns does not hold' in res.stderr, res.stderr
    res = gallery(root, 'claims')
    assert res.returncode == 0  # the manifest still records what was committed; check is the judge


def test_scale_table_lists_trained_experiments_with_their_ranges():
    from trainer.gallery import site
    trained = {'name': 'sweep', 'title': {'fr': 'Balayage'},
               'provenance': {'params': [2248, 27424], 'train_tokens': [71118, 71118], 'steps': [91, 7577],
                              'seed': '1, 2, 3', 'runs': 45, 'device': 'cpu'}}
    untrained = {'name': 'sums', 'title': {'fr': 'Calculs'}, 'provenance': {'params': None}}
    table = site.scale_md([trained, untrained], 'fr').splitlines()
    assert len(table) == 3  # header, rule, one trained experiment
    row = table[2]
    assert row.startswith('| [Balayage](gallery.md#sweep) |')
    assert '2\u202f248–27\u202f424' in row or '2\u00a0248–27\u00a0424' in row
    assert '| 71\u202f118 |' in row or '| 71\u00a0118 |' in row
    assert '1, 2, 3' in row and '| 45 |' in row
