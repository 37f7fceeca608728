"""trainer/bench.py: the registry, the harness around real trainer runs, the results file.

Smoke tests only (`--quick`, eager): the speed numbers themselves belong to `make bench`.
"""
import re

import pytest

from trainer import bench
from test_train import write_char_data


@pytest.fixture
def data(tmp_path):
    return write_char_data(tmp_path / 'data', n_chars=20000)


def test_registry_holds_the_trainer_benchmarks():
    assert {'cpu-recipe', 'shakespeare-char-6x384', 'cpu-speedrun'} <= set(bench.BENCHES)

    @bench.bench('test-entry')
    def entry(opts):
        return "| a |\n|---|\n| 1 |\n"
    try:
        assert bench.BENCHES['test-entry'] is entry
    finally:
        del bench.BENCHES['test-entry']


def test_only_replaces_its_own_section_and_keeps_the_others(tmp_path):
    out = tmp_path / 'results.md'
    out.write_text("# Benchmarks\n\nMachine: old.\n\n## cpu-recipe\n\nold recipe table\n\n"
                   "## test-entry\n\nold entry\n\n## analyzer\n\nold analyzer table\n")

    @bench.bench('test-entry')
    def entry(opts):
        return "| new |\n|---|\n| 2 |\n"
    try:
        assert bench.main(['--only', 'test-entry', '--out', str(out)]) == 0
    finally:
        del bench.BENCHES['test-entry']
    text = out.read_text()
    assert 'old recipe table' in text and 'old analyzer table' in text  # kept
    assert 'old entry' not in text and '| new |' in text  # replaced
    assert text.index('## cpu-recipe') < text.index('## analyzer')  # registry order
    assert 'Machine: old.' not in text  # the machine line describes this run


def test_missing_data_says_how_to_prepare_it(tmp_path, capsys):
    out = tmp_path / 'results.md'
    assert bench.main(['--only', 'cpu-recipe', '--data_dir', str(tmp_path / 'nope'), '--out', str(out)]) == 2
    err = capsys.readouterr().err
    assert err.startswith('error: ') and 'python -m trainer prepare shakespeare_char' in err
    assert not out.exists()


def test_quick_speed_table_and_speedrun_write_one_markdown_file(data, tmp_path, monkeypatch, capsys):
    # compile would spend half a minute building kernels: time eager vs eager here
    monkeypatch.setattr(bench, 'PROJECT_DEFAULTS', ['--compile=False'])
    out = tmp_path / 'bench' / 'results.md'
    rc = bench.main(['--quick', '--only', 'cpu-recipe', '--only', 'cpu-speedrun', '--data_dir', data,
                     '--out', str(out)])
    assert rc == 0, capsys.readouterr().err
    text = out.read_text()
    assert text.startswith('# Benchmarks\n') and '## cpu-recipe' in text and '## cpu-speedrun' in text
    rows = re.findall(r"^\| (nanoGPT-equivalent|Plateau defaults)[^|]*\| `[^`]*` \| ([\d.]+) \| ([\d,]+) \| "
                      r"([\d.]+)x \| \d+% \|$", text, re.M)
    assert [r[0] for r in rows] == ['nanoGPT-equivalent', 'Plateau defaults']
    assert all(float(ms) > 0 and int(tps.replace(',', '')) > 0 for _, ms, tps, _ in rows)
    assert rows[0][3] == '1.00'
    # the time breakdown under the table: profiled matmul and attention time, and what a 2x leaves
    assert re.search(r"the Linear layers' matrix multiplications [\d.]+ ms, at \d+% of the measured peak; "
                     r"attention's kernels [\d.]+ ms; .* A 2x means [\d.]+ ms per iteration\. Even at 100% of the "
                     r"measured peak the matmuls would take [\d.]+ ms", text)
    assert re.search(r"^\| (not reached|[\d.]+ s) \|", text, re.M)
    assert list(out.parent.iterdir()) == [out]  # written atomically: no temp file left


def test_speedrun_stops_at_the_target(data, tmp_path):
    # an easy target: the first eval below it ends the run early
    opts = bench.BenchOptions(data_dir=data, work_dir=str(tmp_path))
    args = [a for a in bench.SPEEDRUN if not a.startswith(('--max_iters', '--eval_interval', '--eval_iters'))]
    seconds, it, val = bench.speedrun(opts, [*args, '--max_iters=200', '--eval_interval=10', '--eval_iters=2'],
                                      target=3.0)
    assert it is not None and it < 200 and val <= 3.0 and seconds > 0




@pytest.mark.parametrize('num_params, mm, expect', [
    (1_000_000, 16.0, "would take 20.0 ms, more than that: float32 cannot get there"),  # 6 GFLOP at 300 GFLOP/s
    (600_000, 16.0, "leaving 3.0 ms for attention and everything else, which now take 14.0 ms (4.7 times as much)"),
    (250_000, 20.0, "leaving 10.0 ms for attention and everything else, which now take 10.0 ms (1.0 times as much)"),
])
def test_time_breakdown_says_what_a_2x_leaves(monkeypatch, num_params, mm, expect):
    # 30 ms per iteration, 1,000 tokens, a 300 GFLOP/s peak; the profiler is replaced by fixed numbers
    monkeypatch.setattr(bench, 'profile_step', lambda *a, **k: (mm, 3.0))
    config = {'gradient_accumulation_steps_per_rank': 1, 'model_args': {}, 'config': {'batch_size': 1},
              'num_params': num_params, 'tokens_per_iter': 1000, 'peak_flops_device': 300e9}
    text = bench._time_breakdown(30.0, 29.0, config, steps=1, target=2.0)
    assert 'A 2x means 15.0 ms per iteration' in text and expect in text
    # the verdict only where everything else would have to shrink more than twofold
    assert ('not a faster loop' in text) == (num_params == 600_000)
    rest = 30.0 - mm - 3.0  # everything else: what the profile does not attribute to matmuls or attention
    assert bench._time_breakdown(30.0, 29.0, config, steps=1, target=None).endswith(f"Python) {rest:.1f} ms.\n")
