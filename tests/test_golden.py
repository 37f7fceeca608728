"""The golden run: the trainer's behaviour, pinned byte for byte and bit for bit.

tests/fixtures/golden/ holds the console log (train.log) and metrics.jsonl of one
short CPU run, recorded with the trainer as it stood before its rewrite in the
project's own words (golden.json names the commit). The rewrite must reproduce it:

- every console line byte-identical, apart from the `time ...ms` and `mfu ...%`
  fields, which measure the machine;
- every loss, grad norm and learning rate in metrics.jsonl the same float, and
  the same final weights;
- a run killed with SIGKILL between checkpoints and resumed ends up on the very
  same numbers and weights as the uninterrupted run.

The run has dropout, 2 accumulation steps, warmup, decay and the min_lr floor,
and an eval with a checkpoint in the middle. Float sums depend on the torch
build and the CPU (its vector ISA, and which BLAS kernels it gets), so the
bit-for-bit comparison with the fixture needs the environment it was recorded
in (golden.json); elsewhere the lines are still compared with the losses
blanked, and the resume against a fresh run. `python tests/test_golden.py
--record` re-records it (only for a new torch: recording erases what it proves).
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
    """What float sums depend on: the torch build, the CPU's vector ISA, the CPU itself (BLAS kernels)."""
    from trainer.hardware import cpu_model
    return {'torch': torch.__version__, 'cpu_capability': torch.backends.cpu.get_cpu_capability(), 'cpu': cpu_model()}


def mask_times(line):
    """A console line with the machine's timing fields blanked."""
    return re.sub(r'time \d+\.\d\dms, mfu -?\d+\.\d\d%$', 'time <ms>ms, mfu <mfu>%', line)


def mask_losses(line):
    """mask_times, and the four-decimal losses blanked too: the lines' shape and order alone."""
    return re.sub(r'\d+\.\d{4}\b', '<loss>', mask_times(line))


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


def from_step_8(console):
    """The console from the resumed eval on, timings blanked."""
    lines = console.splitlines()
    first = next(i for i, line in enumerate(lines) if line.startswith('step 8:'))
    return [mask_times(line) for line in lines[first:]]


@pytest.fixture(scope='module')
def fresh(tmp_path_factory):
    """(folder, console) of one run of the golden config with the trainer as it is now."""
    work = tmp_path_factory.mktemp('golden')
    return work, run(work)


@pytest.fixture(scope='module')
def golden():
    return json.loads((FIXTURE / 'golden.json').read_text())


@pytest.fixture
def same_machine(golden):
    if golden['environment'] != environment():
        pytest.skip(f"the golden numbers were recorded with {golden['environment']}; this is {environment()}, "
                    f"whose float sums may differ in the last bit")


def test_fixture_is_what_its_recorder_writes(golden):
    assert golden['args'] == ARGS and golden['vocab'] == VOCAB
    assert (FIXTURE / 'train.log').read_text().count('\nsaving checkpoint to out\n') == 2  # at 8 and at 16


def test_a_fresh_run_prints_the_golden_lines(fresh):
    work, stdout = fresh
    want = (FIXTURE / 'train.log').read_text()
    assert [mask_losses(line) for line in stdout.splitlines()] == [mask_losses(line) for line in want.splitlines()]
    assert (work / 'out' / 'train.log').read_text() == stdout


def test_a_fresh_run_has_the_golden_numbers_bit_for_bit(fresh, golden, same_machine):
    work, stdout = fresh
    want = (FIXTURE / 'train.log').read_text()
    assert [mask_times(line) for line in stdout.splitlines()] == [mask_times(line) for line in want.splitlines()]
    assert numbers(work / 'out' / 'metrics.jsonl') == numbers(FIXTURE / 'metrics.jsonl')
    assert weights_sha256(work / 'out' / 'ckpt.pt') == golden['weights_sha256']


def test_resume_after_sigkill_lands_on_the_uninterrupted_numbers(fresh, tmp_path):
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
    work, straight = fresh
    assert from_step_8(resumed) == from_step_8(straight)
    got = [r for r in numbers(tmp_path / 'out' / 'metrics.jsonl') if r['kind'] != 'config']
    assert got == [r for r in numbers(work / 'out' / 'metrics.jsonl') if r['kind'] != 'config']
    assert weights_sha256(tmp_path / 'out' / 'ckpt.pt') == weights_sha256(work / 'out' / 'ckpt.pt')


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
