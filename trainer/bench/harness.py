"""Running a trainer for a benchmark: a fresh subprocess per run, its console read line by line.

A fresh process gives every variant its own threads and compile caches, and a
wall clock that includes what a user waits for. Per-iteration times come from
our metrics.jsonl, or from the `iter` lines any nanoGPT-style trainer prints.
"""
import json
import os
import platform
import re
import statistics
import subprocess
import sys
import tempfile
import time

from trainer import sizing
from trainer.bench.registry import BenchError

ITER_LINE = re.compile(r"^iter (\d+): loss \S+, time ([\d.]+)ms")
TOKENS_LINE = re.compile(r"^tokens per iteration will be: ([\d,]+)")


def run_process(cmd, cwd=None, env=None, stop=None, until=None, timeout=3600):
    """Run `cmd`; return (wall seconds, stdout lines). BenchError with stderr's last line on failure.

    `stop(line)` may return True to end the run early: the time is taken then, and the
    process is killed at the first later line for which `until(line)` is true (any line
    when until is None), so that work in flight, a checkpoint say, gets finished.
    """
    env = dict(os.environ if env is None else env, PYTHONUNBUFFERED='1')
    lines, stopped_at = [], None
    with tempfile.TemporaryFile('w+') as err:  # a file, not a pipe: a chatty stderr cannot block the run
        start = time.perf_counter()
        proc = subprocess.Popen(cmd, cwd=cwd, stdout=subprocess.PIPE, stderr=err, text=True, env=env)
        try:
            for line in proc.stdout:
                lines.append(line.rstrip('\n'))
                if stopped_at is not None and (until is None or until(lines[-1])):
                    break
                if stopped_at is None and stop is not None and stop(lines[-1]):
                    stopped_at = time.perf_counter() - start
            if stopped_at is not None:
                proc.kill()
            proc.wait(timeout=timeout)
        finally:
            if proc.poll() is None:
                proc.kill()
                proc.wait()
            proc.stdout.close()
        if stopped_at is None and proc.returncode != 0:
            err.seek(0)
            tail = err.read().strip().splitlines()
            raise BenchError(f"{os.path.basename(cmd[1])} run failed: "
                             f"{tail[-1] if tail else f'exit code {proc.returncode}'}")
    return (stopped_at if stopped_at is not None else time.perf_counter() - start), lines


def run_trainer(args, out_dir, stop=None, until=None, timeout=3600):
    """`python -m trainer train ARGS --out_dir=OUT_DIR` in a subprocess; see run_process."""
    return run_process([sys.executable, '-m', 'trainer', 'train', *args, f'--out_dir={out_dir}'],
                       stop=stop, until=until, timeout=timeout)


def records(out_dir, kind):
    """Our metrics.jsonl's records of one kind."""
    with open(os.path.join(out_dir, 'metrics.jsonl')) as f:
        return [r for r in map(json.loads, f) if r['kind'] == kind]


def console_timing(lines, skip):
    """(median ms per iteration over the `iter` lines from iteration `skip` on, tokens per iteration)
    of a nanoGPT-style console; BenchError when there are none."""
    times = [float(m.group(2)) for m in map(ITER_LINE.match, lines) if m and int(m.group(1)) >= skip]
    tokens = next((int(m.group(1).replace(',', '')) for m in map(TOKENS_LINE.match, lines) if m), None)
    if not times or tokens is None:
        raise BenchError(f"no `iter` lines from iteration {skip} on, or no `tokens per iteration` line")
    return statistics.median(times), tokens


def time_iterations(args, out_dir, iters, skip):
    """(median ms per iteration over iterations skip..iters, tokens per iteration, MFU against the
    device's peak) of a real run of ours. The eval at iteration 0 and torch.compile's first-call
    compilation fall in the skipped iterations."""
    run_trainer([*args, f'--max_iters={iters}', f'--eval_interval={10 * iters}', '--eval_iters=1',
                 '--log_interval=1', '--always_save_checkpoint=False'], out_dir)
    config = records(out_dir, 'config')[0]
    ms = statistics.median(r['dt_ms'] for r in records(out_dir, 'iter') if r['iter'] >= skip)
    a, cfg = config['model_args'], config['config']
    flops = sizing.flops_per_iter(config['num_params'], a['n_layer'], a['n_head'], a['n_embd'], a['block_size'],
                                  cfg['batch_size'] * config['gradient_accumulation_steps_per_rank'])
    return ms, config['tokens_per_iter'], flops / (ms / 1000) / config['peak_flops_device']


def machine_summary():
    """One line: CPU model, cores, torch and its threads, Python (and the GPU, when there is one)."""
    import torch
    from trainer.hardware import cpu_model
    line = (f"Machine: {cpu_model()}, {os.cpu_count()} cores, torch {torch.__version__} "
            f"({torch.get_num_threads()} threads), Python {platform.python_version()}")
    if torch.cuda.is_available():
        line += f", GPU {torch.cuda.get_device_name(0)}"
    return line + "."
