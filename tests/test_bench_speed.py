"""trainer/bench/speed.py: the recipes' flags, and what the time breakdown under a table says."""
import pytest

from trainer import recipes
from trainer.bench import speed
from trainer.config import load_config


def test_speed_tables_train_the_recipes_models():
    cfg, _ = load_config(speed.CPU_RECIPE)
    assert (cfg.n_layer, cfg.n_head, cfg.n_embd, cfg.block_size, cfg.batch_size, cfg.dropout) == (4, 4, 128, 64, 12, 0.0)
    cfg, _ = load_config(speed.SHAKESPEARE_CHAR)
    assert (cfg.n_layer, cfg.n_embd, cfg.block_size, cfg.batch_size, cfg.dropout) == (6, 384, 256, 64, 0.2)
    assert cfg.gradient_accumulation_steps == recipes.SHAKESPEARE_CHAR['gradient_accumulation_steps'] == 1


@pytest.mark.parametrize('num_params, mm, expect', [
    (1_000_000, 16.0, "would take 20.0 ms, more than that: float32 cannot get there"),  # 6 GFLOP at 300 GFLOP/s
    (600_000, 16.0, "leaving 3.0 ms for attention and everything else, which now take 14.0 ms (4.7 times as much)"),
    (250_000, 20.0, "leaving 10.0 ms for attention and everything else, which now take 10.0 ms (1.0 times as much)"),
])
def test_time_breakdown_says_what_a_2x_leaves(monkeypatch, num_params, mm, expect):
    # 30 ms per iteration, 1,000 tokens, a 300 GFLOP/s peak; the profiler is replaced by fixed numbers
    monkeypatch.setattr(speed, 'profile_step', lambda *a, **k: (mm, 3.0))
    config = {'gradient_accumulation_steps_per_rank': 1, 'model_args': {}, 'config': {'batch_size': 1},
              'num_params': num_params, 'tokens_per_iter': 1000, 'peak_flops_device': 300e9}
    text = speed._time_breakdown(30.0, 29.0, config, steps=1, target=2.0)
    assert 'A 2x means 15.0 ms per iteration' in text and expect in text
    # the verdict only where everything else would have to shrink more than twofold
    assert ('not a faster loop' in text) == (num_params == 600_000)
    rest = 30.0 - mm - 3.0  # everything else: what the profile does not attribute to matmuls or attention
    assert speed._time_breakdown(30.0, 29.0, config, steps=1, target=None).endswith(f"Python) {rest:.1f} ms.\n")
