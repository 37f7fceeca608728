"""trainer/progress.py, the log phase: nanoGPT's two loop lines, the MFU average, the records."""
import sys
import time
from pathlib import Path

import pytest
import torch

from trainer import progress
from trainer.step import StepResult

sys.path.insert(0, str(Path(__file__).resolve().parent))
from tiny_runs import prepared, records, tiny_config, write_char_data  # noqa: E402


def test_the_two_lines_as_nanogpt_prints_them():
    assert progress.step_line(250, 1.23456, 1.5) == "step 250: train loss 1.2346, val loss 1.5000"
    assert progress.iter_line(7, 2.5, 0.0123456, -1.0) == "iter 7: loss 2.5000, time 12.35ms, mfu -100.00%"
    assert progress.iter_line(8, 2.5, 1.5, 0.41237) == "iter 8: loss 2.5000, time 1500.00ms, mfu 41.24%"


def test_mfu_average_starts_at_the_first_measurement():
    assert progress.ema(-1.0, 0.3) == 0.3
    assert progress.ema(0.3, 0.5) == 0.9 * 0.3 + 0.1 * 0.5


def test_clock_laps():
    clock = progress.Clock()
    time.sleep(0.01)
    first = clock.lap()
    assert 0.009 < first < 1 and clock.lap() < first


def test_log_iteration_on_logged_iterations_with_mfu_from_the_fifth(tmp_path):
    data = write_char_data(tmp_path / 'data')
    with prepared(tiny_config(data, tmp_path / 'out', log_interval=2, gradient_accumulation_steps=3)) as (s, console):
        s.clock = progress.Clock()
        result = StepResult(torch.tensor(0.5), torch.tensor(1.5), torch.tensor(0.25))
        for local, it in enumerate(range(10, 18)):
            s.counters.iter_num, s.counters.local_iter_num = it, local
            progress.log_iteration(s, 1e-3, result, 0.02)
    lines = [line for line in console.getvalue().splitlines() if line.startswith('iter ')]
    assert [l.split(':')[0] for l in lines] == ['iter 10', 'iter 12', 'iter 14', 'iter 16']
    assert lines[0] == 'iter 10: loss 1.5000, time 20.00ms, mfu -100.00%'  # last micro-batch's loss x 3
    iters = records(tmp_path / 'out', 'iter')
    assert [r['mfu_a100'] is None for r in iters] == [True, True, True, False]  # local iteration 6 is the first
    mfu = s.model.estimate_mfu(4 * 3, 0.02)
    assert iters[-1]['mfu_a100'] == pytest.approx(mfu) and lines[-1].endswith(f'mfu {mfu * 100:.2f}%')
    assert iters[-1]['mfu_device'] == pytest.approx(s.model.estimate_mfu(12, 0.02, s.peak_flops))
    assert (iters[0]['grad_norm'], iters[0]['loss'], iters[0]['dt_ms']) == (0.25, 1.5, 20.0)


def test_config_record_first(tmp_path):
    data = write_char_data(tmp_path / 'data')
    with prepared(tiny_config(data, tmp_path / 'out')) as (s, _):
        pass
    (config,) = records(tmp_path / 'out')
    assert config['kind'] == 'config' and config['num_params'] == s.model.get_num_params()
    assert (config['world_size'], config['tokens_per_iter'], config['train_tokens'], config['resumed_from']) == \
        (1, 64, 10800, None)
    assert config['peak_flops_device'] == s.peak_flops > 0 and config['peak_source'] == 'measured'
