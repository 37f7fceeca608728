"""Training runs of an experiment: prepared data, run keys, reuse, and a finished run as numpy columns.

An experiment asks for a run with a name, a dataset, a seed and TrainConfig
overrides. The run key (keys.run_key) hashes the resolved config, the data's
identity, the numerics code and the torch thread count. If a committed
gallery/runs/<experiment>/<run>/seed_<n>/key.json holds that key (or any
committed run of any experiment does: a key names one computation), its
metrics.jsonl and train.log are exactly what training would write again (up to
timing), so they are reused; otherwise the run becomes a TrainJob for the pool
(training.py). Only train.log, metrics.jsonl and key.json are kept; checkpoints
never are.

A finished run is read with the analyzer's own parser (metrics-jsonl format),
so a gallery run and an analyzed log are the same object underneath: `Run`
exposes its columns as numpy arrays.
"""
import json
import os
import platform
import re
import shutil
import subprocess
import sys
from dataclasses import dataclass
from pathlib import Path

import numpy as np

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
# torch threads per training process. On a CPU a float sum depends on how it is split between
# threads, so the count is part of the run key: one thread each, and several runs side by side
# (tiny models do not speed up with threads; two one-thread processes on two cores do).
# On a GPU the count does not touch the numbers and stays out of the key (None).
PROFILE_THREADS = {'cpu': 1, 'smoke': 1, 'gpu': None}


class StaleRunData(GalleryError):
    """Committed run data whose key no longer matches, met where training is not allowed (check)."""


class TrainingFailed(GalleryError):
    """The trainer exited non-zero: the last lines of its log say why."""


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
        prepare(self.corpus, data_dir=str(folder), out=lambda *a: None, **self.prepare_args)
        write_atomic(marker, keys.canonical_json(self.identity) + '\n')
        return folder

    def tokens(self, layout, split='train'):
        """The split's token ids, memory-mapped (uint16)."""
        return np.memmap(self.ensure(layout) / f'{split}.bin', dtype=np.uint16, mode='r')


class Run:
    """A finished run, read from its folder (metrics.jsonl, train.log, key.json).

    Columns (numpy arrays, from the analyzer's metrics-jsonl parser):
        iters, loss, lr, dt_ms, mfu     per logged iteration; mfu in percent of the A100's
                                        peak as nanoGPT prints it, NaN before its average starts
        eval_steps, train_loss, val_loss   per eval (both losses in eval mode, nats per token)
    header: the metrics.jsonl config record (num_params, tokens_per_iter, train_tokens, ...).
    """

    def __init__(self, name, seed, folder, status):
        from trainer.analyze.parse import parse_path
        self.name, self.seed, self.dir, self.status = name, seed, Path(folder), status
        info = json.loads((self.dir / 'key.json').read_text(encoding='utf-8'))
        self.key, self.config, self.provenance = info['key'], info['config'], info['provenance']
        parsed = parse_path(str(self.dir / 'metrics.jsonl'), 'metrics-jsonl')
        if len(parsed.runs) != 1:
            raise GalleryError(f"{self.dir}/metrics.jsonl holds {len(parsed.runs)} runs, expected one")
        run = parsed.runs[0]
        self.iters = np.asarray(run.iters, dtype=np.int64)
        self.loss = np.asarray(run.loss, dtype=float)
        self.dt_ms = np.asarray(run.time_ms, dtype=float)
        self.mfu = np.asarray(run.mfu, dtype=float)
        self.lr = np.asarray(run.lr if run.lr is not None else [np.nan] * len(run.iters), dtype=float)
        self.eval_steps = np.asarray(run.eval_steps, dtype=np.int64)
        self.train_loss = np.asarray(run.eval_train, dtype=float)
        self.val_loss = np.asarray(run.eval_val, dtype=float)
        with open(self.dir / 'metrics.jsonl', encoding='utf-8') as f:
            self.header = json.loads(f.readline())

    @property
    def mfu_device(self):
        """The MFU against this device's own peak, in percent: the printed A100-relative one, rescaled by
        the peak the run measured or looked up (header peak_flops_device)."""
        from trainer.hardware import A100_BF16_PEAK
        return self.mfu * A100_BF16_PEAK / self.header['peak_flops_device']

    @property
    def num_params(self):
        """nanoGPT's count (get_num_params: wpe left out, the tied wte counted once)."""
        return self.header['num_params']

    @property
    def tokens_per_iter(self):
        return self.header['tokens_per_iter']

    @property
    def train_tokens(self):
        return self.header['train_tokens']

    def epochs(self, steps):
        """Passes over the training split after `steps` iterations: tokens seen / train tokens."""
        return np.asarray(steps) * self.tokens_per_iter / self.train_tokens

    @property
    def log_path(self):
        return self.dir / 'train.log'

    def log_text(self):
        return self.log_path.read_text(encoding='utf-8')

    def analysis(self, **options):
        """The analyzer on this run's console log, as a reader would run it (one RunResult)."""
        from trainer.analyze import analyze
        options.setdefault('data_tokens', self.train_tokens)
        (result,) = analyze(self.log_path, **options).runs
        return result

    def __repr__(self):
        return f'Run({self.name!r}, seed {self.seed}, {self.status}, {len(self.iters)} iters, {len(self.eval_steps)} evals)'


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


def _read_key(folder):
    try:
        if all((folder / f).is_file() for f in RUN_FILES):
            return json.loads((folder / 'key.json').read_text(encoding='utf-8'))['key']
    except (ValueError, KeyError):
        pass
    return None


class CommittedRuns:
    """Where each committed run key lives: its own folder first, then any other experiment's."""

    def __init__(self, layout):
        self.layout = layout
        self._index = None

    def find(self, experiment, run, seed, key):
        own = self.layout.abs(self.layout.run_dir(experiment, run, seed))
        if _read_key(own) == key:
            return own
        if self._index is None:
            root = self.layout.abs(self.layout.runs_rel)
            self._index = {}
            for key_file in sorted(root.glob('*/*/seed_*/key.json')):
                found = _read_key(key_file.parent)
                if found is not None:
                    self._index.setdefault(found, key_file.parent)
        return self._index.get(key)

    def has_any(self, experiment, run, seed):
        return _read_key(self.layout.abs(self.layout.run_dir(experiment, run, seed))) is not None


@dataclass
class TrainJob:
    """One run to train: where its files go and what it trains with."""
    experiment: str
    run: str
    seed: int
    config: dict          # resolved, without paths
    data: Data
    key: str
    numerics: str
    threads: object       # int, or None (not part of the key)
    target: Path          # the run's folder in the stage
    scratch: Path         # the trainer's out_dir

    @property
    def label(self):
        return f'{self.experiment}/{self.run}/seed_{self.seed}'

    def cost(self):
        """A rough size, to start the longest jobs first: tokens trained times FLOPs per token."""
        from trainer import sizing
        c = self.config
        n = sizing.num_params(c['n_layer'], c['n_embd'], c['vocab_size'] or 256, c['block_size'])
        tokens = (c['max_iters'] + 1) * c['batch_size'] * c['block_size'] * c['gradient_accumulation_steps']
        return tokens * sizing.flops_per_token(n, c['n_layer'], c['n_head'], c['n_embd'], c['block_size'])


def plan(layout, stage, committed_runs, experiment, run, seed, data, overrides, mode, retrain):
    """(Run, None) when committed data can be reused, else (None, TrainJob)."""
    check_part('run', run)
    config = resolve_config(layout.profile, data, {**overrides, 'seed': seed})
    numerics = keys.numerics_hash()
    threads = PROFILE_THREADS[layout.profile]
    key = keys.run_key(config, data.identity, numerics, threads)
    target = Path(stage) / layout.run_dir(experiment, run, seed)
    found = None if retrain else committed_runs.find(experiment, run, seed, key)
    if found is not None:
        target.mkdir(parents=True, exist_ok=True)
        for f in RUN_FILES:
            shutil.copyfile(found / f, target / f)
        return Run(run, seed, target, 'reused'), None
    if mode == 'check':
        why = 'its key no longer matches' if committed_runs.has_any(experiment, run, seed) else 'no committed run data'
        raise StaleRunData(f"stale run data for {experiment}/{run}/seed_{seed} ({why}); run make figures")
    return None, TrainJob(experiment, run, seed, config, data, key, numerics, threads, target,
                          layout.scratch(experiment, run, seed))


def finish(layout, job, seconds, workers=1):
    """After the trainer exited 0: keep train.log and metrics.jsonl, write key.json; the Run.
    workers: how many runs trained side by side (the run's share of the wall clock)."""
    job.target.mkdir(parents=True, exist_ok=True)
    for f in ('metrics.jsonl', 'train.log'):
        shutil.copyfile(job.scratch / f, job.target / f)
    shutil.rmtree(job.scratch, ignore_errors=True)
    with open(job.target / 'metrics.jsonl', encoding='utf-8') as f:
        header = json.loads(f.readline())
    device = header.get('device_name') or header.get('device') or 'unknown'
    torch_version = header.get('torch') or 'unknown'
    info = {
        'experiment': job.experiment, 'run': job.run, 'key': job.key, 'config': job.config,
        'data': job.data.identity, 'numerics': job.numerics, 'threads': job.threads,
        'provenance': {'device': device, 'torch': torch_version, 'threads': job.threads,
                       'python': platform.python_version(), 'git_commit': git_commit(layout.repo),
                       'seed': job.seed, 'wall_seconds': round(seconds, 2), 'workers': workers},
    }
    (job.target / 'key.json').write_text(json.dumps(info, indent=1, sort_keys=True, ensure_ascii=False) + '\n',
                                         encoding='utf-8')
    return Run(job.run, job.seed, job.target, 'trained')


def sys_torch_version():
    """torch's version if this process imported it (an analytic experiment may use the model code)."""
    torch = sys.modules.get('torch')
    return getattr(torch, '__version__', None)


def repo_relative(layout, path):
    """A path as the trainer should print it: relative to the repository (the workers' folder)."""
    return os.path.relpath(path, layout.repo)
