"""Helpers the trainer tests share: tiny datasets written on the spot, and real trainer runs.

Not a test module (no `test_` prefix): tests/test_train*.py, test_golden.py and
test_bench.py import it. Datasets are in nanoGPT's format (headerless uint16
train.bin/val.bin plus meta.pkl), small enough for a run to take seconds.
"""
import contextlib
import io
import json
import os
import pickle
import subprocess
import sys
from pathlib import Path

import numpy as np

ROOT = Path(__file__).resolve().parents[1]


def write_char_data(data_dir, n_chars=12000, vocab=28, seed=0):
    """A char-level dataset in nanoGPT's format: 90/10 split, uint16, meta.pkl with vocab_size/itos/stoi."""
    rng = np.random.default_rng(seed)
    # a little structure (a repeated phrase plus noise) so the loss actually falls
    phrase = rng.integers(0, vocab, size=37)
    ids = np.tile(phrase, n_chars // len(phrase) + 1)[:n_chars]
    noise = rng.random(n_chars) < 0.2
    ids[noise] = rng.integers(0, vocab, size=int(noise.sum()))
    return write_ids(data_dir, ids, vocab)


def write_ids(data_dir, ids, vocab):
    """train.bin (first 90%), val.bin (the rest) and a char meta.pkl for token ids < vocab."""
    os.makedirs(data_dir, exist_ok=True)
    ids = np.asarray(ids)
    n = int(len(ids) * 0.9)
    ids[:n].astype(np.uint16).tofile(os.path.join(data_dir, 'train.bin'))
    ids[n:].astype(np.uint16).tofile(os.path.join(data_dir, 'val.bin'))
    chars = [chr(ord('!') + i) for i in range(vocab)]
    with open(os.path.join(data_dir, 'meta.pkl'), 'wb') as f:
        pickle.dump({'vocab_size': vocab, 'itos': dict(enumerate(chars)), 'stoi': {c: i for i, c in enumerate(chars)}}, f)
    return str(data_dir)


def records(out_dir, kind=None):
    """metrics.jsonl's records, all of them or those of one kind."""
    with open(os.path.join(out_dir, 'metrics.jsonl')) as f:
        recs = [json.loads(line) for line in f]
    return [r for r in recs if kind is None or r['kind'] == kind]


def subprocess_env():
    """One thread (reproducible float sums) and this checkout first on the path."""
    env = dict(os.environ, OMP_NUM_THREADS='1', PYTHONUNBUFFERED='1')
    env['PYTHONPATH'] = str(ROOT) + os.pathsep + env.get('PYTHONPATH', '')
    return env


def run_train(args, cwd=ROOT, **kwargs):
    """`python -m trainer train ARGS` in a fresh process; the CompletedProcess."""
    return subprocess.run([sys.executable, '-m', 'trainer', 'train', *args], cwd=cwd, env=subprocess_env(),
                          capture_output=True, text=True, timeout=300, **kwargs)


TINY_MODEL = dict(device='cpu', dtype='float32', compile=False, n_layer=2, n_head=2, n_embd=32, block_size=16,
                  batch_size=4, gradient_accumulation_steps=1, eval_iters=2, warmup_iters=3, lr_decay_iters=100,
                  learning_rate=3e-3, min_lr=3e-4)


def tiny_config(data_dir, out_dir, **overrides):
    """A TrainConfig for a seconds-long CPU run of a 2-layer, 32-wide model."""
    from trainer.config import TrainConfig, validate
    return validate(TrainConfig(**{**TINY_MODEL, 'data_dir': str(data_dir), 'out_dir': str(out_dir), **overrides}))


@contextlib.contextmanager
def prepared(cfg):
    """(Session, console text so far) after the setup, data and model phases, as train() starts its loop."""
    from trainer import runtime
    from trainer.console import ConsoleTee
    from trainer.train import prepare
    tee = ConsoleTee(io.StringIO())
    saved, sys.stdout = sys.stdout, tee
    try:
        yield prepare(cfg, [], tee), tee.stream
    finally:
        sys.stdout = saved
        tee.close()
        runtime.stop()
