"""trainer/bench/cli.py and registry.py: which entries run, the results file, one-line errors.

Smoke tests only (`--quick`, eager): the speed numbers themselves belong to `make bench`.
"""
import re
import sys
from pathlib import Path

import pytest

from trainer.bench import cli, registry, speed

sys.path.insert(0, str(Path(__file__).resolve().parent))
from tiny_runs import write_char_data  # noqa: E402


@pytest.fixture
def data(tmp_path):
    return write_char_data(tmp_path / 'data', n_chars=20000)


@pytest.fixture
def entry():
    """A registered test entry, removed afterwards."""
    @registry.bench('test-entry')
    def body(opts):
        return "| new |\n|---|\n| 2 |\n"
    yield body
    del registry.BENCHES['test-entry']


def test_every_entry_module_registers_its_benchmarks():
    cli.load_entries()
    assert cli.section_order()[:7] == ['cpu-recipe', 'shakespeare-char-6x384', 'cpu-speedrun', 'analyzer',
                                       'gallery-warm', 'docs-build', 'vs-nanogpt']
    assert registry.NEEDS_DATA == {'cpu-recipe', 'shakespeare-char-6x384', 'cpu-speedrun'}


def test_only_replaces_its_own_section_and_keeps_the_others(tmp_path, entry):
    out = tmp_path / 'results.md'
    out.write_text("# Benchmarks\n\nintro\n\n## cpu-recipe\n\nMachine: old.\n\nold recipe table\n\n"
                   "## test-entry\n\nMachine: old.\n\nold entry\n\n## analyzer\n\nold analyzer table\n")
    assert cli.main(['--only', 'test-entry', '--out', str(out)]) == 0
    text = out.read_text()
    assert 'old recipe table' in text and 'old analyzer table' in text  # kept
    assert 'old entry' not in text and '| new |' in text  # replaced
    assert text.index('## cpu-recipe') < text.index('## analyzer')  # registry order
    kept, replaced = text.split('## test-entry')[0], text.split('## test-entry')[1].split('## analyzer')[0]
    assert 'Machine: old.' in kept  # a kept section still names the machine that measured it
    assert 'Machine: old.' not in replaced and '\nMachine: ' in replaced  # the rerun names this one


def test_missing_data_says_how_to_prepare_it(tmp_path, capsys):
    out = tmp_path / 'results.md'
    assert cli.main(['--only', 'cpu-recipe', '--data_dir', str(tmp_path / 'nope'), '--out', str(out)]) == 2
    err = capsys.readouterr().err
    assert err.startswith('error: ') and 'python -m trainer prepare shakespeare_char' in err
    assert not out.exists()


def test_vs_nanogpt_runs_only_with_a_checkout(tmp_path, data, capsys):
    assert cli.main(['--only', 'vs-nanogpt', '--data_dir', data, '--out', str(tmp_path / 'r.md')]) == 2
    assert capsys.readouterr().err == "error: vs-nanogpt needs --nanogpt PATH, the folder of your nanoGPT checkout\n"
    assert cli.main(['--nanogpt', str(tmp_path), '--data_dir', data, '--out', str(tmp_path / 'r.md')]) == 2
    assert 'is not a nanoGPT checkout: no train.py, model.py, configurator.py' in capsys.readouterr().err


def test_quick_speed_table_and_speedrun_write_one_markdown_file(data, tmp_path, monkeypatch, capsys):
    # compile would spend half a minute building kernels: time eager vs eager here
    monkeypatch.setattr(speed, 'PROJECT_DEFAULTS', ['--compile=False'])
    out = tmp_path / 'bench' / 'results.md'
    rc = cli.main(['--quick', '--only', 'cpu-recipe', '--only', 'cpu-speedrun', '--data_dir', data,
                   '--out', str(out)])
    assert rc == 0, capsys.readouterr().err
    text = out.read_text()
    assert text.startswith('# Benchmarks\n\nWritten by `make bench`') and '## cpu-speedrun' in text
    assert re.search(r"^## cpu-recipe\n\nMachine: .+ cores, torch ", text, re.M)
    rows = re.findall(r"^\| (nanoGPT-equivalent|Plateau defaults)[^|]*\| `[^`]*` \| ([\d.]+) \| ([\d,]+) \| "
                      r"([\d.]+)x \| \d+% \|$", text, re.M)
    assert [r[0] for r in rows] == ['nanoGPT-equivalent', 'Plateau defaults']
    assert all(float(ms) > 0 and int(tps.replace(',', '')) > 0 for _, ms, tps, _ in rows)
    assert rows[0][3] == '1.00'
    assert re.search(r"^\| (not reached|[\d.]+ s) \|", text, re.M)
    assert list(out.parent.iterdir()) == [out]  # written atomically: no temp file left
