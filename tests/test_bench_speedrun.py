"""trainer/bench/speedrun.py: the run stops at the first eval under the target."""
import sys
from pathlib import Path

from trainer.bench import speedrun
from trainer.bench.registry import BenchOptions

sys.path.insert(0, str(Path(__file__).resolve().parent))
from tiny_runs import write_char_data  # noqa: E402


def test_speedrun_stops_at_the_target(tmp_path):
    data = write_char_data(tmp_path / 'data', n_chars=20000)
    opts = BenchOptions(data_dir=data, work_dir=str(tmp_path))
    args = [a for a in speedrun.SPEEDRUN if not a.startswith(('--max_iters', '--eval_interval', '--eval_iters',
                                                              '--log_interval'))]
    seconds, it, val = speedrun.speedrun(opts, [*args, '--max_iters=200', '--eval_interval=10', '--eval_iters=2',
                                                '--log_interval=1'], target=3.0)
    # the first eval under the target ends the run (an easy target: the one at iteration 10)
    assert it == 10 and val <= 3.0 and seconds > 0
    confirmed, ckpt_iter = speedrun.confirm_val(str(tmp_path / 'speedrun'), data, n_batches=3)
    assert ckpt_iter == it and 0 < confirmed < 4
