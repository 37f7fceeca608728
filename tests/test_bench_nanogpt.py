"""trainer/bench/nanogpt.py: our trainer against a nanoGPT checkout, here a fake one the test writes.

The fake train.py checks what the real one would need (configurator.py and
data/<dataset>/ in its working folder, model.py beside it) and prints
nanoGPT-format lines with a fixed 20 ms per iteration; our side is a real run.
"""
import re
import sys
from pathlib import Path

import pytest

from trainer.bench import nanogpt
from trainer.bench.registry import BenchError, BenchOptions

sys.path.insert(0, str(Path(__file__).resolve().parent))
from tiny_runs import write_char_data  # noqa: E402

FAKE_TRAIN = '''\
import os, sys
args = dict(a[2:].split('=', 1) for a in sys.argv[1:])
assert os.path.isfile('configurator.py'), 'nanoGPT opens configurator.py in its working folder'
assert os.path.isfile(os.path.join('data', args['dataset'], 'train.bin')), 'nanoGPT reads data/<dataset>/'
assert os.path.isfile(os.path.join(os.path.dirname(__file__), 'model.py'))
tokens = int(args['gradient_accumulation_steps']) * int(args['batch_size']) * int(args['block_size'])
print(f"tokens per iteration will be: {tokens:,}")
for i in range(int(args['max_iters']) + 1):
    print(f"iter {i}: loss 3.1000, time {500.0 if i == 0 else 20.0:.2f}ms, mfu -100.00%")
'''


@pytest.fixture
def checkout(tmp_path):
    folder = tmp_path / 'nanoGPT'
    folder.mkdir()
    (folder / 'train.py').write_text(FAKE_TRAIN)
    (folder / 'model.py').write_text('')
    (folder / 'configurator.py').write_text('')
    return str(folder)


def test_side_by_side_on_the_cpu(checkout, tmp_path):
    data = write_char_data(tmp_path / 'shakespeare_char', n_chars=20000, vocab=65)
    opts = BenchOptions(data_dir=data, work_dir=str(tmp_path / 'work'), quick=True, nanogpt=checkout)
    text = nanogpt.vs_nanogpt(opts)
    # 12 x 64 = 768 tokens per iteration; at nanoGPT's 20 ms that is 38,400 tokens/s
    row = re.search(r"^\| README CPU recipe[^|]*\| 20\.00 \| ([\d.]+) \| 38,400 \| ([\d,]+) \| ([\d.]+)x \|$", text, re.M)
    assert row, text
    ours_ms = float(row.group(1))
    assert row.group(3) == f"{20.0 / ours_ms:.2f}"
    assert int(row.group(2).replace(',', '')) == pytest.approx(768 / ours_ms * 1000, rel=1e-3)  # ms has 2 decimals
    assert 'MFU' not in text  # only against a GPU's peak


def test_cpu_and_cuda_cases():
    (cpu,) = nanogpt.cases('cpu')
    assert (cpu.settings['device'], cpu.settings['compile'], cpu.settings['dtype']) == ('cpu', False, 'float32')
    assert (cpu.settings['n_layer'], cpu.settings['n_embd'], cpu.settings['block_size'], cpu.settings['batch_size']) \
        == (4, 128, 64, 12)
    char, gpt2 = nanogpt.cases('cuda')
    assert (char.settings['n_layer'], char.settings['n_head'], char.settings['n_embd'], char.settings['block_size'],
            char.settings['batch_size'], char.data) == (6, 6, 384, 256, 64, 'char')
    assert (gpt2.settings['n_layer'], gpt2.settings['n_embd'], gpt2.settings['block_size'],
            gpt2.settings['batch_size'], gpt2.settings['gradient_accumulation_steps'], gpt2.data) == \
        (12, 768, 1024, 12, 8, 'bpe')
    assert 'device' not in gpt2.settings and 'compile' not in gpt2.settings  # each trainer's CUDA defaults


def test_gpu_table_gives_mfu_against_the_real_peak():
    _, gpt2 = nanogpt.cases('cuda')
    flops = nanogpt.flops_per_iter(gpt2, 50304)
    # nanoGPT's count for GPT-2 124M (123.59M non-embedding params), 12 x 8 sequences of 1024 tokens
    assert flops == (6 * 123_587_328 + 12 * 12 * 12 * 64 * 1024) * 1024 * 96
    timings = {'nanoGPT': (206.0, 98_304), 'ours': (206.7, 98_304)}
    text = nanogpt.table([(gpt2, timings, flops)], peak=('H200', 989e12))
    mfu = lambda ms: f"{flops / (ms / 1000) / 989e12:.1%}"  # noqa: E731
    assert "MFU vs H200's 989 TFLOPS (nanoGPT / ours)" in text
    assert f"| 206.00 | 206.70 | 477,204 | 475,588 | 1.00x | {mfu(206.0)} / {mfu(206.7)} |" in text


def test_a_folder_without_nanogpts_files_is_refused(tmp_path):
    with pytest.raises(BenchError, match='is not a nanoGPT checkout: no train.py'):
        nanogpt.check_checkout(str(tmp_path))
