"""The golden run: the trainer's behaviour, pinned byte for byte and bit for bit.

tests/fixtures/golden/ holds the console log (train.log) and metrics.jsonl of one
short CPU run, recorded with the trainer as it stood before its rewrite in the
project's own words (golden.json names the commit). The rewrite must reproduce it:

- every console line byte-identical, apart from the `time ...ms` and `mfu ...%`
  fields, which measure the machine;
- every loss, grad norm and learning rate in metrics.jsonl the same float;
- a run killed with SIGKILL between checkpoints and resumed ends up on the very
  same numbers and weights.

The run has dropout, 2 accumulation steps, warmup, decay and the min_lr floor,
and an eval with a checkpoint in the middle. Float sums depend on the torch
build and the CPU's vector ISA, so the comparison needs the environment the
fixture was recorded in (golden.json); `python tests/test_golden.py --record`
re-records it (only for a new torch: recording erases what it proves).
"""
import hashlib
import json
import os
import re
import signal
import subprocess
import sys
from pathlib import Path

import pytest
import torch

sys.path.insert(0, str(Path(__file__).resolve().parent))
from tiny_runs import ROOT, subprocess_env, write_ids  # noqa: E402

FIXTURE = Path(__file__).resolve().parent / 'fixtures' / 'golden'
ARGS = ['--device=cpu', '--dtype=float32', '--compile=False', '--n_layer=2', '--n_head=2', '--n_embd=32',
        '--block_size=16', '--batch_size=4', '--dropout=0.1', '--gradient_accumulation_steps=2',
        '--max_iters=16', '--eval_interval=8', '--eval_iters=2', '--log_interval=1', '--warmup_iters=3',
        '--lr_decay_iters=12', '--learning_rate=3e-3', '--min_lr=3e-4', '--always_save_checkpoint=True',
        '--data_dir=data', '--out_dir=out']
VOCAB = 24
MACHINE_FIELDS = {'iter': {'dt_ms', 'mfu_a100', 'mfu_device', 'time'},       # timings of this machine
                  'config': {'time', 'device_name', 'peak_flops_device'}}  # and what it is


def golden_ids(n=6000, vocab=VOCAB):
    """Token ids from a fixed linear congruential generator: the same on every machine and numpy.
    A 37-token phrase repeated, with about one token in five replaced, so the loss can fall."""
    state = 20240611

    def draw(m):
        nonlocal state
        state = (1103515245 * state + 12345) % 2 ** 31
        return (state >> 16) % m

    phrase = [draw(vocab) for _ in range(37)]
    return [draw(vocab) if draw(5) == 0 else phrase[i % 37] for i in range(n)]


def environment():
    return {'torch': torch.__version__, 'cpu_capability': torch.backends.cpu.get_cpu_capability()}


def mask_times(line):
    """A console line with the machine's timing fields blanked."""
    return re.sub(r'time \d+\.\d\dms, mfu -?\d+\.\d\d%$', 'time <ms>ms, mfu <mfu>%', line)


def numbers(path):
    """metrics.jsonl's records without the machine-dependent fields: what must match bit for bit."""
    out = []
    for line in Path(path).read_text().splitlines():
        record = json.loads(line)
        out.append({k: v for k, v in record.items() if k not in MACHINE_FIELDS.get(record['kind'], ())})
    return out


def weights_sha256(ckpt_path):
    """sha256 over the checkpoint's model tensors, in key order."""
    state = torch.load(ckpt_path, map_location='cpu', weights_only=True)['model']
    digest = hashlib.sha256()
    for key in sorted(state):
        digest.update(key.encode() + state[key].contiguous().numpy().tobytes())
    return digest.hexdigest()


def start(work, extra=()):
    write_ids(work / 'data', golden_ids(), VOCAB)
    return subprocess.Popen([sys.executable, '-m', 'trainer', 'train', *ARGS, *extra], cwd=work,
                            env=subprocess_env(), stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)


def run(work, extra=()):
    proc = start(work, extra)
    stdout, stderr = proc.communicate(timeout=300)
    assert proc.returncode == 0, stderr
    return stdout


@pytest.fixture(scope='module')
def golden():
    info = json.loads((FIXTURE / 'golden.json').read_text())
    if info['environment'] != environment():
        pytest.skip(f"the golden run was recorded with {info['environment']}, this is {environment()}")
    return info


def test_fixture_is_what_its_recorder_writes(golden):
    assert golden['args'] == ARGS and golden['vocab'] == VOCAB
    assert (FIXTURE / 'train.log').read_text().count('\nsaving checkpoint to out\n') == 2  # at 8 and at 16


def test_a_fresh_run_prints_the_golden_console_and_numbers(golden, tmp_path):
    stdout = run(tmp_path)
    want = (FIXTURE / 'train.log').read_text()
    assert [mask_times(line) for line in stdout.splitlines()] == [mask_times(line) for line in want.splitlines()]
    assert (tmp_path / 'out' / 'train.log').read_text() == stdout
    assert numbers(tmp_path / 'out' / 'metrics.jsonl') == numbers(FIXTURE / 'metrics.jsonl')
    assert weights_sha256(tmp_path / 'out' / 'ckpt.pt') == golden['weights_sha256']


def test_resume_after_sigkill_lands_on_the_golden_numbers(golden, tmp_path):
    # a longer max_iters changes nothing before the kill, and guarantees the run is still going
    proc = start(tmp_path, ['--max_iters=1000'])
    try:
        for line in proc.stdout:  # iteration 10: the checkpoint of iteration 8 is on disk
            if line.startswith('iter 10:'):
                os.kill(proc.pid, signal.SIGKILL)
                break
    finally:
        proc.stdout.close()
        proc.stderr.close()
        proc.wait(timeout=60)
    assert proc.returncode == -signal.SIGKILL
    resumed = run(tmp_path, ['--init_from=resume'])
    want = (FIXTURE / 'train.log').read_text().splitlines()
    loop = lambda lines: [mask_times(l) for l in lines[next(i for i, l in enumerate(lines) if l.startswith('step 8:')):]]  # noqa: E731
    assert loop(resumed.splitlines()) == loop(want)
    got = [r for r in numbers(tmp_path / 'out' / 'metrics.jsonl') if r['kind'] != 'config']
    assert got == [r for r in numbers(FIXTURE / 'metrics.jsonl') if r['kind'] != 'config']
    assert weights_sha256(tmp_path / 'out' / 'ckpt.pt') == golden['weights_sha256']


def record():
    """Write the fixture from a run of the trainer as it is now."""
    import tempfile
    with tempfile.TemporaryDirectory() as tmp:
        stdout = run(Path(tmp))
        FIXTURE.mkdir(parents=True, exist_ok=True)
        (FIXTURE / 'train.log').write_text(stdout)
        (FIXTURE / 'metrics.jsonl').write_text((Path(tmp) / 'out' / 'metrics.jsonl').read_text())
        commit = subprocess.run(['git', 'rev-parse', 'HEAD'], cwd=ROOT, capture_output=True, text=True).stdout.strip()
        info = {'args': ARGS, 'vocab': VOCAB, 'environment': environment(), 'recorded_at_commit': commit,
                'weights_sha256': weights_sha256(Path(tmp) / 'out' / 'ckpt.pt')}
        (FIXTURE / 'golden.json').write_text(json.dumps(info, indent=1) + '\n')


if __name__ == '__main__':
    if sys.argv[1:] != ['--record']:
        sys.exit('usage: python tests/test_golden.py --record')
    record()
