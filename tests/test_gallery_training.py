"""The training pool: worker processes that train job after job, bit for bit as a fresh process would."""
import json

import pytest

from tiny_runs import ROOT, TINY_MODEL, write_char_data
from trainer.gallery.layout import GalleryError
from trainer.gallery.training import Worker, worker_count

TIMING = ('dt_ms', 'mfu_a100', 'mfu_device', 'time', 'peak_flops_device', 'peak_source')


def numbers(out_dir):
    """metrics.jsonl without what depends on the clock."""
    recs = [json.loads(line) for line in (out_dir / 'metrics.jsonl').read_text().splitlines()]
    return [{k: v for k, v in r.items() if k not in TIMING} for r in recs if r['kind'] != 'config']


def config(data, out, seed):
    return {**TINY_MODEL, 'max_iters': 6, 'eval_interval': 3, 'log_interval': 1, 'lr_decay_iters': 6,
            'data_dir': str(data), 'out_dir': str(out), 'seed': seed, 'always_save_checkpoint': False}


def test_a_worker_trains_job_after_job_exactly_as_a_fresh_one(tmp_path):
    data = tmp_path / 'data'
    write_char_data(data)
    busy = Worker(ROOT, threads=1)
    try:
        assert busy.train(config(data, tmp_path / 'first', 1))[0] == 0
        rc, seconds = busy.train(config(data, tmp_path / 'second', 2))
        assert rc == 0 and seconds > 0
    finally:
        busy.close()
    fresh = Worker(ROOT, threads=1)
    try:
        assert fresh.train(config(data, tmp_path / 'alone', 2))[0] == 0
        # a bad job is answered with exit code 2, and the worker carries on
        assert fresh.train({'n_layer': 'many'})[0] == 2
    finally:
        fresh.close()
    assert numbers(tmp_path / 'second') == numbers(tmp_path / 'alone')
    assert numbers(tmp_path / 'first') != numbers(tmp_path / 'second')


def test_worker_count(monkeypatch):
    monkeypatch.delenv('PLATEAU_GALLERY_WORKERS', raising=False)
    assert worker_count(None, 5) == 1  # a GPU: one process
    assert 1 <= worker_count(1, 1) == 1
    monkeypatch.setenv('PLATEAU_GALLERY_WORKERS', '3')
    assert worker_count(1, 10) == 3 and worker_count(1, 2) == 2
    monkeypatch.setenv('PLATEAU_GALLERY_WORKERS', 'two')
    with pytest.raises(GalleryError, match='whole number'):
        worker_count(1, 2)
