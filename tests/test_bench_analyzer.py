"""trainer/bench/analyzer.py: the analyzer's entry, through its public analyze() in a child process."""
import re

from trainer.bench import analyzer
from trainer.bench.registry import BenchOptions


def test_quick_entry_times_a_60k_iteration_log(tmp_path):
    text = analyzer.analyzer_bench(BenchOptions(work_dir=str(tmp_path), quick=True))
    row = re.search(r"^\| 60,000 \| ([\d.]+) MB \| ([\d,]+) ms \| ([\d.]+) MB \| ([\d.]+) MB \| ([\w_, ]+) \|$", text, re.M)
    assert row, text
    assert float(row.group(1)) > 1 and int(row.group(2).replace(',', '')) > 0
    assert 'compile_warmup' in row.group(5)  # the synthetic log's first iteration is slow on purpose
    assert list(tmp_path.iterdir()) == []  # the log lived in a temp folder
