"""trainer/evaluate.py, the evaluate phase: eval-mode losses, the step line, when a checkpoint is saved."""
import math
import sys
from pathlib import Path

import pytest
import torch

from trainer.evaluate import estimate_loss, evaluate_and_checkpoint
from trainer.session import TrainError
from trainer.step import NonFiniteGuard

sys.path.insert(0, str(Path(__file__).resolve().parent))
from tiny_runs import prepared, records, tiny_config, write_char_data  # noqa: E402


@pytest.fixture
def session(tmp_path):
    data = write_char_data(tmp_path / 'data')
    with prepared(tiny_config(data, tmp_path / 'out', dropout=0.3, always_save_checkpoint=False)) as (s, console):
        yield s, console


def test_estimate_loss_averages_eval_batches_in_eval_mode(session):
    s, _ = session
    losses = estimate_loss(s.model, s.data.batches, 8, 3, s.rt.autocast)
    assert s.model.training  # back in train mode afterwards
    s.model.eval()
    with torch.no_grad():
        by_hand = {split: torch.tensor([s.model(*s.data.batches.for_eval(split, 8, k, 3))[1].item()
                                        for k in range(3)]).mean().item() for split in ('train', 'val')}
    assert losses == by_hand  # no dropout: the same numbers, bit for bit
    assert estimate_loss(s.model, s.data.batches, 9, 3, s.rt.autocast) != losses  # fresh windows per eval


def test_saves_when_val_improves_and_never_at_iteration_0(session, tmp_path, capsys):
    s, _ = session
    guard = NonFiniteGuard(s)
    evaluate_and_checkpoint(s, 1e-3, guard)  # iteration 0: the eval, no checkpoint
    assert not (tmp_path / 'out' / 'ckpt.pt').exists() and s.counters.best_val_loss < 1e9
    s.counters.iter_num = 4
    evaluate_and_checkpoint(s, 1e-3, guard)  # the same weights on other batches: better or not
    improved = records(tmp_path / 'out', 'eval')[-1]['checkpoint']
    assert (tmp_path / 'out' / 'ckpt.pt').exists() == improved
    s.counters.best_val_loss = -1.0  # nothing can beat that: no save unless always_save_checkpoint
    s.counters.iter_num = 8
    evaluate_and_checkpoint(s, 1e-3, guard)
    last = records(tmp_path / 'out', 'eval')[-1]
    assert last['checkpoint'] is False and last['best_val_loss'] == -1.0 and last['iter'] == 8
    lines = capsys.readouterr().out.splitlines()  # (pytest holds stdout while a test runs)
    assert [l.split(':')[0] for l in lines if l.startswith('step ')] == ['step 0', 'step 4', 'step 8']


def test_a_nonfinite_eval_stops_before_the_save(session, tmp_path):
    s, _ = session
    s.counters.iter_num = 4
    with torch.no_grad():
        s.model.lm_head.weight.fill_(math.nan)
    with pytest.raises(TrainError, match=r'eval loss is nan \(val\), nan \(train\) at iter 4; stopped '
                                         r'\(no checkpoint was written\)'):
        evaluate_and_checkpoint(s, 1e-3, NonFiniteGuard(s))
    assert not (tmp_path / 'out' / 'ckpt.pt').exists()
