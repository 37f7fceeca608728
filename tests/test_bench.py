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
                     r"attention's kernels [\d.]+ ms; .* A 2x means [\d.]+ ms per iteration: ", text)
    assert re.search(r"^\| (not reached|[\d.]+ s) \|", text, re.M)
    assert list(out.parent.iterdir()) == [out]  # written atomically: no temp file left


def test_speedrun_stops_at_the_target(data, tmp_path):
    # an easy target: the first eval below it ends the run early
    opts = bench.BenchOptions(data_dir=data, work_dir=str(tmp_path))
    args = [a for a in bench.SPEEDRUN if not a.startswith(('--max_iters', '--eval_interval', '--eval_iters'))]
    seconds, it, val = bench.speedrun(opts, [*args, '--max_iters=200', '--eval_interval=10', '--eval_iters=2'],
                                      target=3.0)
    assert it is not None and it < 200 and val <= 3.0 and seconds > 0


def test_profile_step_times_the_matmuls_and_attention_of_a_real_step():
    args = dict(n_layer=2, n_head=2, n_embd=32, block_size=16, bias=False, vocab_size=65, dropout=0.0)
    matmul, attention = bench.profile_step(args, batch_size=4, steps=2, warmup=1)
    assert matmul > 0 and attention > 0
    # eight times the width is 64 times the matmul FLOPs: the BLAS time must grow
    wide, _ = bench.profile_step(dict(args, n_embd=256), batch_size=4, steps=2, warmup=1)
    assert wide > matmul


def test_quiet_stderr_hides_file_descriptor_2_and_restores_it(capfd):
    import os
    with pytest.raises(RuntimeError):
        with bench._quiet_stderr():
            os.write(2, b'profiler_start\n')
            raise RuntimeError('boom')
    os.write(2, b'after\n')
    err = capfd.readouterr().err
    assert 'profiler_start' not in err and 'after' in err
