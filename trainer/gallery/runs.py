"""Training runs of an experiment: prepared data, the run key, train or reuse, and the parsed result.

An experiment asks for a run with a name, a dataset and TrainConfig overrides.
The run key (keys.run_key) hashes the resolved config, the data's identity and
the numerics code. If gallery/runs/<experiment>/<run>/key.json holds that key,
the committed metrics.jsonl and train.log are exactly what training would
write again (up to timing), so they are reused; otherwise the run trains, in
this process, into a scratch out_dir, and only train.log, metrics.jsonl and a
fresh key.json are kept. Checkpoints are never committed.
"""
import json
import os
import platform
import re
import shutil
import subprocess
import sys
import time
from pathlib import Path

from trainer.atomic import write_atomic
from trainer.gallery import keys
from trainer.gallery.layout import GalleryError, check_part

RUN_FILES = ('metrics.jsonl', 'train.log', 'key.json')
# TrainConfig fields that are paths on this machine: they never enter a key
PATH_FIELDS = ('out_dir', 'data_dir')

# What each profile trains with unless the experiment says otherwise. The committed cpu runs
# are float32 on the CPU, uncompiled (torch.compile costs more than these runs take).
PROFILE_DEFAULTS = {
    'cpu': dict(device='cpu', dtype='float32', compile=False, always_save_checkpoint=False),
    'smoke': dict(device='cpu', dtype='float32', compile=False, always_save_checkpoint=False),
    'gpu': dict(device='cuda', dtype='auto', compile=True, always_save_checkpoint=False),
}


class StaleRunData(GalleryError):
    """Committed run data whose key no longer matches, met where training is not allowed (check)."""


class TrainingFailed(RuntimeError):
    """The trainer exited non-zero."""


class Data:
    """A nanoGPT-format dataset: prepared by `plateau prepare` on first use, or an existing folder.

    identity is what enters run keys. For a prepared corpus that is the prepare
    arguments (the data code is in the numerics hash, the sources are pinned by
    sha256), so a fresh clone can check run keys without preparing anything.
    """

    def __init__(self, corpus=None, path=None, **prepare_args):
        if (corpus is None) == (path is None):
            raise GalleryError("Data needs a corpus name or a path, not both")
        self.corpus, self.prepare_args = corpus, prepare_args
        self.path = Path(path).resolve() if path is not None else None
        if path is not None:
            # a folder given by hand: its bytes are its identity
            digests = {n: keys.file_digest(self.path / n) for n in ('train.bin', 'val.bin', 'meta.pkl')}
            if digests['train.bin'] == 'missing':
                raise GalleryError(f"{self.path} has no train.bin")
            self.identity = {'files': digests}
        else:
            self.identity = {'prepare': corpus, **prepare_args}

    @property
    def name(self):
        return self.corpus or self.path.name

    @property
    def slug(self):
        words = [self.corpus] + [f'{k}{v}' for k, v in sorted(self.prepare_args.items())]
        readable = re.sub(r'[^A-Za-z0-9]+', '_', '_'.join(str(w) for w in words)).strip('_')[:48]
        return f'{readable}-{keys.hash_obj(self.identity)[:8]}'

    def ensure(self, layout):
        """The data folder, prepared (once) if needed."""
        if self.path is not None:
            return self.path
        folder = layout.data_dir(self.slug)
        marker = folder / 'gallery-data.json'
        if marker.exists() and json.loads(marker.read_text(encoding='utf-8')) == self.identity:
            return folder
        from trainer.data.prepare import prepare
        prepare(self.corpus, data_dir=str(folder), **self.prepare_args)
        write_atomic(marker, keys.canonical_json(self.identity) + '\n')
        return folder


class Run:
    """A finished run, read from its folder (metrics.jsonl, train.log, key.json)."""

    def __init__(self, name, folder, status):
        from trainer.metrics import read_records
        self.name, self.dir, self.status = name, Path(folder), status
        info = json.loads((self.dir / 'key.json').read_text(encoding='utf-8'))
        self.key, self.config, self.provenance = info['key'], info['config'], info['provenance']
        self.records = read_records(self.dir / 'metrics.jsonl')
        self.iters = [r for r in self.records if r.get('kind') == 'iter']
        self.evals = [r for r in self.records if r.get('kind') == 'eval']
        header = [r for r in self.records if r.get('kind') == 'config']
        self.header = header[0] if header else {}

    @property
    def log_path(self):
        return self.dir / 'train.log'

    def log_text(self):
        return self.log_path.read_text(encoding='utf-8')

    def series(self, field, kind='eval', x='iter'):
        """(xs, ys) of `field` over the records of `kind` that have it (None/NaN are skipped)."""
        xs, ys = [], []
        for r in self.iters if kind == 'iter' else self.evals:
            v = r.get(field)
            if v is not None and r.get(x) is not None and v == v:
                xs.append(r[x])
                ys.append(v)
        return xs, ys

    def __repr__(self):
        return f'Run({self.name!r}, {self.status}, {len(self.iters)} iters, {len(self.evals)} evals)'


def resolve_config(profile, data, overrides):
    """The TrainConfig a run trains with, as a dict without machine paths (what the key hashes)."""
    from trainer.config import ConfigError, from_dict, to_dict, validate
    for key in PATH_FIELDS:
        if key in overrides:
            raise GalleryError(f"do not set {key}: the gallery chooses where runs and data live")
    values = {**PROFILE_DEFAULTS[profile], 'dataset': data.name, **overrides}
    try:
        cfg = validate(from_dict(values, strict=True))
    except ConfigError as e:
        raise GalleryError(f"bad training config: {e}") from None
    resolved = to_dict(cfg)
    for key in PATH_FIELDS:
        resolved.pop(key)
    return resolved


def git_commit(repo):
    try:
        out = subprocess.run(['git', 'rev-parse', 'HEAD'], cwd=repo, capture_output=True, text=True, timeout=10)
    except (OSError, subprocess.SubprocessError):
        return 'unknown'
    return out.stdout.strip() if out.returncode == 0 else 'unknown'


def committed(layout, experiment, run):
    """The committed run folder and its key, or (folder, None) when there is none."""
    folder = layout.abs(layout.run_dir(experiment, run))
    try:
        if all((folder / f).is_file() for f in RUN_FILES):
            return folder, json.loads((folder / 'key.json').read_text(encoding='utf-8'))['key']
    except (ValueError, KeyError):
        pass
    return folder, None


def train_or_reuse(layout, stage, experiment, run, data, overrides, mode='run', retrain=False):
    """Run `run` of `experiment` (or reuse its committed data); its files land in the stage."""
    check_part('run', run)
    config = resolve_config(layout.profile, data, overrides)
    numerics = keys.numerics_hash()
    key = keys.run_key(config, data.identity, numerics)
    target = Path(stage) / layout.run_dir(experiment, run)
    target.mkdir(parents=True, exist_ok=True)
    folder, old_key = committed(layout, experiment, run)
    if old_key == key and not retrain:
        for f in RUN_FILES:
            shutil.copyfile(folder / f, target / f)
        return Run(run, target, 'reused')
    if mode == 'check':
        why = 'no committed run data' if old_key is None else 'its key no longer matches'
        raise StaleRunData(f"stale run data for {experiment}/{run} ({why}); run make figures")
    return _train(layout, target, experiment, run, data, config, overrides, key, numerics)


def _train(layout, target, experiment, run, data, config, overrides, key, numerics):
    from trainer import train as trainer_train
    from trainer.config import FIELDS
    data_dir = data.ensure(layout)
    scratch = layout.scratch(experiment, run)
    shutil.rmtree(scratch, ignore_errors=True)
    scratch.mkdir(parents=True)
    # Paths relative to the repo root, so the committed train.log names no machine's folders.
    rel = lambda p: os.path.relpath(p, layout.repo)  # noqa: E731
    settings = {k: v for k, v in config.items() if v != FIELDS[k].default}
    argv = [f'--{k}={v!r}' for k, v in sorted(settings.items())]
    argv += [f'--out_dir={rel(scratch)!r}', f'--data_dir={rel(data_dir)!r}']
    print(f"gallery: training {experiment}/{run}", flush=True)
    cwd = os.getcwd()
    os.chdir(layout.repo)
    t0 = time.perf_counter()
    try:
        rc = trainer_train.main(argv)
    finally:
        os.chdir(cwd)
    seconds = time.perf_counter() - t0
    log = scratch / 'train.log'
    if rc != 0:
        tail = log.read_text(encoding='utf-8').splitlines()[-15:] if log.exists() else []
        raise TrainingFailed(f"training {experiment}/{run} failed (exit {rc}):\n" + '\n'.join(tail))
    for f in ('metrics.jsonl', 'train.log'):
        shutil.copyfile(scratch / f, target / f)
    shutil.rmtree(scratch, ignore_errors=True)
    import torch
    from trainer.metrics import read_records
    header = next((r for r in read_records(target / 'metrics.jsonl') if r.get('kind') == 'config'), {})
    device = header.get('device_name') or header.get('device') or 'unknown'
    info = {
        'experiment': experiment, 'run': run, 'key': key, 'config': config, 'data': data.identity,
        'numerics': numerics, 'overrides': overrides,
        'provenance': {'device': device, 'torch': torch.__version__, 'threads': torch.get_num_threads(),
                       'python': platform.python_version(), 'git_commit': git_commit(layout.repo),
                       'seed': config['seed'], 'wall_seconds': round(seconds, 2)},
    }
    (target / 'key.json').write_text(json.dumps(info, indent=1, sort_keys=True, ensure_ascii=False) + '\n',
                                     encoding='utf-8')
    return Run(run, target, 'trained')


def sys_torch_version():
    """torch's version if this process imported it (an analytic experiment may use the model code)."""
    torch = sys.modules.get('torch')
    return getattr(torch, '__version__', None)
