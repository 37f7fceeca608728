"""trainer/step.py, the step phase: the lr, one update over accumulated micro-batches, the NaN guard."""
import math
import sys
from pathlib import Path

import pytest
import torch

from trainer import sizing
from trainer.session import TrainError
from trainer.step import NonFiniteGuard, optimizer_step, set_lr, total_grad_norm

sys.path.insert(0, str(Path(__file__).resolve().parent))
from tiny_runs import prepared, records, tiny_config, write_char_data  # noqa: E402


@pytest.fixture
def data(tmp_path):
    return write_char_data(tmp_path / 'data')


def test_set_lr_puts_the_schedule_into_every_group(data, tmp_path):
    cfg = tiny_config(data, tmp_path / 'out')
    with prepared(cfg) as (s, _):
        lr = set_lr(s.optimizer, cfg, 2)
        assert lr == sizing.get_lr(2, 3e-3, 3, 100, 3e-4)
        assert [g['lr'] for g in s.optimizer.param_groups] == [lr, lr]


def test_accumulated_step_is_the_full_batch_mean(data, tmp_path):
    # 2 micro-batches of 4 with the loss halved give the gradients of the 8 sequences at once
    cfg = tiny_config(data, tmp_path / 'out', gradient_accumulation_steps=2, grad_clip=0.0)
    with prepared(cfg) as (s, _):
        before = {k: v.clone() for k, v in s.model.state_dict().items()}
        batches = [s.data.batches.train(0, m) for m in (0, 1)]
        x, y, result = optimizer_step(s, *batches[0])
        assert torch.equal(x, s.data.batches.train(1, 0)[0])  # the prefetched next batch
        assert s.counters.tokens_seen == s.rt.tokens_per_iter == 2 * 4 * 16
        s.model.load_state_dict(before)
        s.model.zero_grad()
        full_x, full_y = torch.cat([b[0] for b in batches]), torch.cat([b[1] for b in batches])
        _, loss = s.model(full_x, full_y)
        loss.backward()
        torch.testing.assert_close(result.grad_norm, total_grad_norm(s.model.parameters()))
        last = s.model(*batches[1])[1] / 2
        torch.testing.assert_close(result.last_loss, last)
        torch.testing.assert_close(result.loss_sum, loss)


def test_total_grad_norm_is_what_clipping_measures():
    params = [torch.nn.Parameter(torch.randn(3, 4)), torch.nn.Parameter(torch.randn(5))]
    for p in params:
        p.grad = torch.randn_like(p)
    expected = math.sqrt(sum(float((p.grad ** 2).sum()) for p in params))
    assert total_grad_norm(params).item() == pytest.approx(expected, rel=1e-6)
    assert torch.nn.utils.clip_grad_norm_(params, 1e9).item() == pytest.approx(expected, rel=1e-6)


def test_guard_stops_at_the_first_nonfinite_loss(data, tmp_path):
    with prepared(tiny_config(data, tmp_path / 'out')) as (s, _):
        guard = NonFiniteGuard(s)
        guard.add(3, 1e-3, torch.tensor(2.5))
        assert guard.pending == []  # on a CPU every iteration is checked at once
        with pytest.raises(TrainError, match=r'^loss is inf at iter 4; stopped \(no checkpoint was written\). '
                                             r'Likely causes: learning rate too high \(lr was 0.002\)'):
            guard.add(4, 2e-3, torch.tensor(math.inf))
        assert records(tmp_path / 'out')[-1] == {'kind': 'error', 'iter': 4, 'error': 'loss is inf', 'lr': 2e-3}


def test_guard_on_cuda_waits_for_a_log_iteration(data, tmp_path):
    # reading a CUDA loss waits for the GPU: losses are checked together on logged iterations
    with prepared(tiny_config(data, tmp_path / 'out', log_interval=5)) as (s, _):
        s.rt.device_type = 'cuda'
        guard = NonFiniteGuard(s)
        guard.add(6, 1e-3, torch.tensor(math.nan))
        assert len(guard.pending) == 1
        with pytest.raises(TrainError, match='loss is nan at iter 6'):
            guard.add(10, 1e-3, torch.tensor(1.0))
