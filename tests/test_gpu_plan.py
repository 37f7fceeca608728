"""gallery/_gpu_plan.py: the gpu profile fits its 8 minutes by design and needs no Hugging Face by default."""
import importlib.util

import pytest

from conftest import REPO


def load_plan(monkeypatch, data=None):
    if data is None:
        monkeypatch.delenv('PLATEAU_GPU_DATA', raising=False)
    else:
        monkeypatch.setenv('PLATEAU_GPU_DATA', data)
    spec = importlib.util.spec_from_file_location('gpu_plan_under_test', REPO / 'gallery' / '_gpu_plan.py')
    plan = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(plan)
    return plan


def test_the_plan_fits_its_budget_with_a_margin(monkeypatch):
    plan = load_plan(monkeypatch)
    assert plan.estimate_seconds() <= 0.9 * plan.BUDGET_S
    assert plan.BUDGET_S == 8 * 60


def test_the_default_data_is_shakespeare_bpe_and_fineweb_is_an_option(monkeypatch):
    assert load_plan(monkeypatch).DATA == {'corpus': 'shakespeare'}
    assert load_plan(monkeypatch, 'fineweb-edu').DATA['corpus'] == 'fineweb-edu'


def test_the_case_study_model_and_the_capacity_pair(monkeypatch):
    plan = load_plan(monkeypatch)
    run = plan.schedule()
    assert (run['n_layer'], run['n_head'], run['n_embd'], run['block_size'], run['batch_size']) == (12, 12, 384, 1024, 16)
    assert plan.WIDTHS == (384, 768) and len(plan.SEEDS) >= 3
    assert run['max_iters'] == run['lr_decay_iters'] == plan.ITERS


@pytest.mark.parametrize('name', ['overfit_shards', 'capacity'])
def test_the_gpu_experiments_use_the_plan(name):
    source = (REPO / 'gallery' / f'{name}.py').read_text(encoding='utf-8')
    assert "'gpu': dict(data=gpu.DATA" in source, f'{name} must train the gpu profile on the plan\'s data'
    assert 'huggingface' not in source.lower() and 'fineweb' not in source.lower()
