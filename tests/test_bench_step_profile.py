"""trainer/bench/step_profile.py: the profiler's breakdown of a real training step, and the muted stderr."""
import os

import pytest

from trainer.bench.step_profile import profile_step, quiet_stderr


def test_profile_step_times_the_matmuls_and_attention_of_a_real_step():
    args = dict(n_layer=2, n_head=2, n_embd=32, block_size=16, bias=False, vocab_size=65, dropout=0.0)
    matmul, attention = profile_step(args, batch_size=4, steps=2, warmup=1)
    # both buckets must catch their kernels (a renamed op would leave one at zero); how the
    # times compare across sizes is a speed question for `make bench`, not for a test
    assert matmul > 0 and attention > 0


def test_quiet_stderr_hides_file_descriptor_2_and_restores_it(capfd):
    with pytest.raises(RuntimeError):
        with quiet_stderr():
            os.write(2, b'profiler_start\n')
            raise RuntimeError('boom')
    os.write(2, b'after\n')
    err = capfd.readouterr().err
    assert 'profiler_start' not in err and 'after' in err
