"""gallery/manifest.json: one entry per experiment, what it produced and how.

    {"experiments": {"<name>": {
        "name", "title": {lang: ...}, "question", "profile",
        "key"          the experiment key it was rendered with (keys.experiment_key)
        "code_files"   the trainer modules its script imported (part of the key)
        "runs":        {"<run>/seed_<n>": run key}
        "claims":      {claim name: {experiment, name, holds, value, spread, seeds, values, test, says}}
        "main_figure", "outputs" (localized paths), "shared" (values, thumbnail, source, run data)
        "provenance":  {git_commit, code_hash, device, torch, seed, wall_seconds, runs, steps, data}
    }}}

Written with sorted keys and a trailing newline, and only when it changes, so
a warm `make figures` leaves it byte-identical.
"""
import json

from trainer.atomic import write_atomic
from trainer.gallery import keys, runs
from trainer.gallery.layout import GalleryError
from trainer.i18n import LANGS


def load(layout):
    path = layout.manifest
    if not path.exists():
        return {}
    try:
        data = json.loads(path.read_text(encoding='utf-8'))
        return dict(data['experiments'])
    except (ValueError, KeyError, TypeError) as e:
        raise GalleryError(f"{path} is not a gallery manifest ({e}); delete it and run make figures") from None


def dumps(experiments):
    return json.dumps({'experiments': experiments}, indent=1, sort_keys=True, ensure_ascii=False) + '\n'


def write_if_changed(path, data):
    """Atomically write bytes to path unless it already holds them; True if written."""
    path.parent.mkdir(parents=True, exist_ok=True)
    try:
        if path.read_bytes() == data:
            return False
    except FileNotFoundError:
        pass
    write_atomic(path, data)
    return True


def save(layout, experiments):
    return write_if_changed(layout.manifest, dumps(experiments).encode('utf-8'))


def is_localized(rel):
    return any(f'/{lang}/' in rel for lang in LANGS)


def entry_from_result(layout, name, result):
    """The manifest entry for a finished experiment (its result.json plus keys and provenance)."""
    code_files = result['code_files']
    key = keys.experiment_key(layout, name, code_files, trains=bool(result['runs']))
    run_info = result['runs']
    prov = [r['provenance'] for r in run_info.values()]
    devices = sorted({p['device'] for p in prov})
    torches = sorted({p['torch'] for p in prov}) or ([result['torch']] if result.get('torch') else [])
    seeds = sorted({p['seed'] for p in prov})
    groups = sorted({run.rsplit('/seed_', 1)[0] for run in run_info})
    runs_info = [r.get('config', {}) for r in run_info.values()]
    steps = sorted({c['max_iters'] for c in runs_info if 'max_iters' in c})
    datasets = sorted({c['dataset'] for c in runs_info if 'dataset' in c})
    params = [r['num_params'] for r in run_info.values() if 'num_params' in r]
    tokens = [r['train_tokens'] for r in run_info.values() if 'train_tokens' in r]
    # Wall time of the whole experiment as if run cold: this execution (which includes the runs
    # it trained) plus the recorded training time of the runs it reused, shared between the
    # worker processes that trained them side by side. Reused runs cost nothing now, but the
    # execution-time report should say what a rerun from scratch costs.
    reused = [r['provenance'] for r in run_info.values() if r['status'] == 'reused']
    wall = result['seconds'] + sum(p['wall_seconds'] / p.get('workers', 1) for p in reused)
    files = sorted(result['files'])
    return {
        'name': name, 'title': result['title'], 'question': result['question'], 'profile': layout.profile,
        'key': key, 'code_files': code_files,
        'runs': {run: r['key'] for run, r in sorted(run_info.items())},
        'claims': result.get('claims', {}),
        'reconstructed': bool(result.get('reconstructed')),
        'main_figure': result['main_figure'],
        'outputs': [f for f in files if is_localized(f)],
        'shared': [f for f in files if not is_localized(f)],
        'provenance': {
            'git_commit': runs.git_commit(layout.repo),
            'code_hash': keys.code_hash(code_files),
            'device': '; '.join(devices) if devices else None,
            'torch': '; '.join(torches) if torches else None,
            'seed': ', '.join(str(s) for s in seeds) if seeds else None,
            'wall_seconds': round(wall, 1),
            'runs': len(run_info), 'groups': len(groups), 'steps': steps, 'data': datasets,
            'params': [min(params), max(params)] if params else None,
            'train_tokens': [min(tokens), max(tokens)] if tokens else None,
        },
    }


def all_files(entry):
    return entry['outputs'] + entry['shared']
