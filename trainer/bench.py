"""`python -m trainer bench [--out bench/results.md] [--only NAME ...]`: the benchmark table.

A small registry: BENCHES maps a name to a function that takes BenchOptions and
returns one markdown section (a table plus notes). Other parts of the project
add their own entries with `@bench('name')`; `python -m trainer bench` runs all
of them (or the --only ones) and writes one markdown file, atomically.

The trainer's entries time the real trainer (`python -m trainer train` in a
subprocess, so each variant gets a fresh process, its own threads and compile
caches) and read per-iteration times from its metrics.jsonl. "nanoGPT-
equivalent" means what nanoGPT itself runs on a CPU: float32, no autocast, no
torch.compile (the README's `--device=cpu --compile=False`).
"""
import argparse
import dataclasses
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
from trainer.step_profile import profile_step

BENCHES = {}
PLUGINS = ('trainer.analyze.bench', 'trainer.gallery.bench')  # modules outside this file that register benchmarks


def bench(name):
    """Register `fn(opts: BenchOptions) -> str` (a markdown section body) under `name`."""
    def register(fn):
        BENCHES[name] = fn
        return fn
    return register


@dataclasses.dataclass
class BenchOptions:
    data_dir: str = os.path.join('data', 'shakespeare_char')  # `python -m trainer prepare shakespeare_char`
    work_dir: str = ''  # scratch space for run outputs (a temp dir when empty)
    quick: bool = False  # fewer iterations: a smoke test of the harness, not a measurement


class BenchError(RuntimeError):
    """A benchmark cannot run (missing data, a failed run); printed as `error: ...`."""


# nanoGPT's README CPU recipe: config/train_shakespeare_char.py plus these overrides
SHAKESPEARE_CHAR = ['--gradient_accumulation_steps=1', '--batch_size=64', '--block_size=256', '--n_layer=6',
                    '--n_head=6', '--n_embd=384', '--dropout=0.2', '--learning_rate=1e-3', '--beta2=0.99',
                    '--min_lr=1e-4', '--warmup_iters=100', '--always_save_checkpoint=False']
CPU_RECIPE = SHAKESPEARE_CHAR + ['--device=cpu', '--compile=False', '--eval_iters=20', '--log_interval=1',
                                 '--block_size=64', '--batch_size=12', '--n_layer=4', '--n_head=4', '--n_embd=128',
                                 '--max_iters=2000', '--lr_decay_iters=2000', '--dropout=0.0']
NANOGPT_EQUIVALENT = ['--compile=False', '--dtype=float32']  # what nanoGPT runs on a CPU
PROJECT_DEFAULTS = []  # compile=True and dtype=auto (float32 on CPU): the TrainConfig defaults
BF16_AUTOCAST = ['--compile=False', '--dtype=bfloat16']  # pays off on CPUs with AMX tiles, measured here
SPEEDUP_TARGET = 2.0  # the trainer issue's target for the defaults on the CPU recipe


def _run_trainer(args, out_dir, stop=None, until=None, timeout=3600):
    """Run `python -m trainer train ARGS` in a subprocess; return (wall seconds, stdout lines).

    `stop(line)` may return True to end the run early: the time is taken then, and the
    process is killed at the first later line for which `until(line)` is true (any line
    when until is None), so that work in flight, a checkpoint say, gets finished.
    """
    cmd = [sys.executable, '-m', 'trainer', 'train', *args, f'--out_dir={out_dir}']
    env = dict(os.environ, PYTHONUNBUFFERED='1')
    lines, stopped_at = [], None
    with tempfile.TemporaryFile('w+') as err:  # a file, not a pipe: a chatty stderr cannot block the run
        start = time.perf_counter()
        proc = subprocess.Popen(cmd, stdout=subprocess.PIPE, stderr=err, text=True, env=env)
        try:
            for line in proc.stdout:
                lines.append(line.rstrip('\n'))
                if stopped_at is not None and (until is None or until(lines[-1])):
                    break
                if stop is not None and stop(lines[-1]):
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
            raise BenchError(f"training run failed: {tail[-1] if tail else f'exit code {proc.returncode}'}")
    return (stopped_at if stopped_at is not None else time.perf_counter() - start), lines


def _records(out_dir, kind):
    with open(os.path.join(out_dir, 'metrics.jsonl')) as f:
        return [r for r in map(json.loads, f) if r['kind'] == kind]


def time_iterations(args, out_dir, iters, skip):
    """(median ms per iteration over iterations skip..iters, tokens per iteration, MFU against the
    device's measured peak) of a real run. The eval at iteration 0 and torch.compile's first-call
    compilation fall in the skipped iterations."""
    _run_trainer([*args, f'--max_iters={iters}', f'--eval_interval={10 * iters}', '--eval_iters=1',
                  '--log_interval=1', '--always_save_checkpoint=False'], out_dir)
    config = _records(out_dir, 'config')[0]
    ms = statistics.median(r['dt_ms'] for r in _records(out_dir, 'iter') if r['iter'] >= skip)
    a, cfg = config['model_args'], config['config']
    flops = sizing.flops_per_iter(config['num_params'], a['n_layer'], a['n_head'], a['n_embd'], a['block_size'],
                                  cfg['batch_size'] * config['gradient_accumulation_steps_per_rank'])
    return ms, config['tokens_per_iter'], flops / (ms / 1000) / config['peak_flops_device']


def _time_breakdown(base_ms, defaults_ms, config, steps, target):
    """Where the nanoGPT-equivalent iteration's time goes and, given a speedup target, what it
    would leave for everything that is not a matmul, even with the matmuls at the CPU's peak."""
    micro_steps = config['gradient_accumulation_steps_per_rank']
    mm, attn = (micro_steps * t for t in profile_step(config['model_args'], config['config']['batch_size'],
                                                      steps, warmup=1 + steps // 4))
    # 6 FLOPs per parameter per token: the Linear layers' share of nanoGPT's FLOP count
    mm_share_of_peak = 6 * config['num_params'] * config['tokens_per_iter'] / (mm / 1000) / config['peak_flops_device']
    text = (f"Where the nanoGPT-equivalent {base_ms:.1f} ms go (torch profiler, eager float32, self time): "
            f"the Linear layers' matrix multiplications {mm:.1f} ms, at {mm_share_of_peak:.0%} of the measured peak; "
            f"attention's kernels {attn:.1f} ms; everything else (GELU, LayerNorm, softmax, AdamW, clipping, Python) "
            f"{max(base_ms - mm - attn, 0):.1f} ms.")
    if target is None:
        return text + "\n"
    goal, rest, ideal = base_ms / target, base_ms - mm, mm * mm_share_of_peak  # ideal: the matmuls at 100% of peak
    text += (f" A {target:.0f}x means {goal:.1f} ms per iteration. Even at 100% of the measured peak the matmuls "
             f"would take {ideal:.1f} ms")
    if goal <= ideal:
        return text + ", more than that: float32 cannot get there on this CPU.\n"
    text += (f", leaving {goal - ideal:.1f} ms for attention and everything else, which now take {rest:.1f} ms"
             f" ({rest / (goal - ideal):.1f} times as much); torch.compile, in the defaults row, "
             f"{'saves' if base_ms >= defaults_ms else 'adds'} {abs(base_ms - defaults_ms):.1f} ms per iteration.")
    if goal - ideal < rest / 2:
        text += (f" The route to {target:.0f}x is faster matrix multiplications (bf16 on AMX tiles, or a GPU), "
                 f"not a faster loop.")
    return text + "\n"


def _speed_table(opts, base_args, name, iters, skip, repeats, profile_steps, target=None):
    """Eager float32 (nanoGPT) vs our defaults, each run `repeats` times, alternating. A
    shared or busy machine only ever slows a run down, so each variant's best run counts."""
    iters, skip, repeats = (6, 3, 1) if opts.quick else (iters, skip, repeats)
    variants = (("nanoGPT-equivalent: float32, eager", NANOGPT_EQUIVALENT),
                ("Plateau defaults: compile=True, dtype=auto", PROJECT_DEFAULTS),
                ("bfloat16 autocast, eager", BF16_AUTOCAST))
    best, config = {}, None
    for r in range(repeats):
        for i, (label, extra) in enumerate(variants):
            out = os.path.join(opts.work_dir, f'{name}-{i}-{r}')
            ms, tokens, mfu = time_iterations([*base_args, f'--data_dir={opts.data_dir}', '--device=cpu', *extra],
                                              out, iters, skip)
            config = config or _records(out, 'config')[0]
            if label not in best or ms < best[label][0]:
                best[label] = (ms, tokens, mfu)
    base = best[variants[0][0]][0]
    defaults = base / best[variants[1][0]][0]
    table = ["| settings | flags | ms/iter | tokens/s | speedup | MFU vs this CPU's matmul peak |",
             "|---|---|---:|---:|---:|---:|"]
    for label, extra in variants:
        ms, tokens, mfu = best[label]
        table.append(f"| {label} | `{' '.join(extra) or '(none)'}` | {ms:.1f} | {tokens / ms * 1000:,.0f} | "
                     f"{base / ms:.2f}x | {mfu:.0%} |")
    return "\n".join(table) + (
        f"\n\nms/iter: the median of iterations {skip}..{iters} (iteration 0 holds the eval and, with compile, "
        f"the compilation), best of {repeats} alternating run{'s' if repeats > 1 else ''} per variant. MFU: "
        f"nanoGPT's FLOP count against the large-matmul FLOP/s this CPU reached when measured "
        f"(metrics.jsonl's mfu_device; a bf16 run's against the bf16 peak)."
        + (f" Target for the defaults: >= {target:.0f}x; measured {defaults:.2f}x, "
           f"{'met' if defaults >= target else 'not met'} on this CPU ({'with' if _has_amx() else 'no'} AMX)."
           if target else "")
        + "\n\n" + _time_breakdown(base, best[variants[1][0]][0], config, 2 if opts.quick else profile_steps,
                                       target))


def _has_amx():
    """Intel AMX tiles (Sapphire Rapids and later) are what make bf16 matmuls fast on a CPU."""
    try:
        with open('/proc/cpuinfo') as f:
            return 'amx_bf16' in f.read()
    except OSError:
        return False


@bench('cpu-recipe')
def cpu_recipe_speed(opts):
    """nanoGPT's README CPU recipe: 4 layers, 4 heads, 128 wide, block 64, batch 12."""
    args = [a for a in CPU_RECIPE if not a.startswith(('--compile=', '--max_iters=', '--log_interval=', '--eval_iters='))]
    return ("nanoGPT README's CPU recipe (`--block_size=64 --batch_size=12 --n_layer=4 --n_head=4 --n_embd=128`).\n\n"
            + _speed_table(opts, args, 'cpu-recipe', iters=60, skip=15, repeats=3, profile_steps=20,
                            target=SPEEDUP_TARGET))


@bench('shakespeare-char-6x384')
def shakespeare_char_speed(opts):
    """config/train_shakespeare_char.py's model: 6 layers, 6 heads, 384 wide, block 256, batch 64."""
    return ("nanoGPT's `config/train_shakespeare_char.py` model (6/6/384, block 256, batch 64, dropout 0.2).\n\n"
            + _speed_table(opts, SHAKESPEARE_CHAR, 'shakespeare-char', iters=10, skip=4, repeats=2, profile_steps=3))


# The speedrun: any settings, wall time (whole process, startup included) until an eval's
# val loss reaches the target. nanoGPT's CPU recipe gets there in about 2000 iterations of
# 12 sequences at lr 1e-3; this tiny model takes a 5x higher lr, 16 sequences per iteration
# and a 900-iteration schedule (about 14k sequences). The evals average 100 batches, so a
# hit is not a lucky draw (30 batches wander by +-0.02), and come every 300 iterations to
# keep their cost down. Eager float32: on 2 cores without AMX neither torch.compile (no
# faster here, and ~30 s of compilation) nor bf16 (slower matmuls) pays for itself.
SPEEDRUN_TARGET = 1.886
SPEEDRUN = ['--gradient_accumulation_steps=1', '--device=cpu', '--dtype=float32', '--compile=False',
            '--block_size=64', '--batch_size=16', '--n_layer=4', '--n_head=4', '--n_embd=128', '--dropout=0.0',
            '--learning_rate=5e-3', '--min_lr=5e-4', '--beta2=0.99', '--warmup_iters=50', '--lr_decay_iters=900',
            '--max_iters=900', '--eval_interval=300', '--eval_iters=100', '--log_interval=100',
            '--always_save_checkpoint=False']


def speedrun(opts, args=SPEEDRUN, target=SPEEDRUN_TARGET):
    """Train with an eval every eval_interval iterations; stop at the first eval with val <= target.

    Returns (seconds, iter, val) with seconds from launch to that eval's `step` line, or
    (seconds, None, best val) when the run ends first. The process is killed at the next
    `iter` line, after the eval's checkpoint is complete, so confirm_val() can re-measure it.
    """
    out = os.path.join(opts.work_dir, 'speedrun')
    hit = {}

    def stop(line):
        m = re.match(r"step (\d+): train loss \S+, val loss (\S+)", line)
        if m and float(m.group(2)) <= target:
            hit.update(iter=int(m.group(1)), val=float(m.group(2)))
            return True
        return False

    if opts.quick:
        args = [*args, '--max_iters=20', '--eval_interval=10', '--eval_iters=2', '--log_interval=1']
    seconds, lines = _run_trainer([*args, f'--data_dir={opts.data_dir}'], out, stop=stop,
                                  until=lambda line: line.startswith('iter '))
    if hit:
        return seconds, hit['iter'], hit['val']
    vals = [float(m.group(1)) for m in (re.search(r"val loss (\S+)$", l) for l in lines if l.startswith('step ')) if m]
    return seconds, None, min(vals) if vals else float('nan')


def confirm_val(out_dir, data_dir, n_batches=200):
    """The checkpoint's val loss over n_batches fresh random batches (other windows than the
    eval's): how much of the hit was luck."""
    import torch
    from trainer import checkpoint
    from trainer.batches import Batches
    from trainer.model import GPT, GPTConfig
    ckpt = checkpoint.load(checkpoint.ckpt_path(out_dir))
    model = GPT(GPTConfig(**ckpt['model_args']), log=None)
    model.load_state_dict(checkpoint.clean_state_dict(ckpt['model']))
    model.eval()
    cfg = ckpt['config']
    batches = Batches(data_dir, cfg['block_size'], cfg['batch_size'], 'cpu', seed=cfg['seed'] + 1)
    with torch.no_grad():
        losses = [model(*batches.for_eval('val', 0, k, n_batches))[1].item() for k in range(n_batches)]
    return sum(losses) / len(losses), int(ckpt['iter_num'])


@bench('cpu-speedrun')
def cpu_speedrun(opts):
    seconds, it, val = speedrun(opts)
    flags = ' '.join(a for a in SPEEDRUN if a != '--device=cpu')
    if it is None:
        result = f"| not reached | - | best val {val:.4f} | - |"
    else:
        confirmed, ckpt_iter = confirm_val(os.path.join(opts.work_dir, 'speedrun'), opts.data_dir,
                                           n_batches=10 if opts.quick else 200)
        result = f"| {seconds:.1f} s | {it} | {val:.4f} | {confirmed:.4f} (iter {ckpt_iter}) |"
    return (f"Wall time from launch (startup and evals included) until an eval reports val loss <= {SPEEDRUN_TARGET} "
            f"on shakespeare_char, on {os.cpu_count()} CPU cores. Target: <= 73 s on 2 cores.\n\n"
            f"| wall time | iteration | val loss (eval) | val loss re-measured (200 other batches) |\n"
            f"|---:|---:|---:|---:|\n{result}\n\nSettings: `{flags}`\n")


NEEDS_DATA = {'cpu-recipe', 'shakespeare-char-6x384', 'cpu-speedrun'}


def machine_summary():
    import torch
    cpu = platform.processor() or platform.machine()
    try:
        with open('/proc/cpuinfo') as f:
            cpu = next((l.split(':', 1)[1].strip() for l in f if l.startswith('model name')), cpu)
    except OSError:
        pass
    return (f"Machine: {cpu}, {os.cpu_count()} cores, torch {torch.__version__} "
            f"({torch.get_num_threads()} threads), Python {platform.python_version()}.")


def write_atomic(path, text):
    directory = os.path.dirname(os.path.abspath(path))
    os.makedirs(directory, exist_ok=True)
    fd, tmp = tempfile.mkstemp(dir=directory, prefix='.' + os.path.basename(path) + '.', suffix='.tmp')
    with os.fdopen(fd, 'w', encoding='utf-8') as f:
        f.write(text)
    os.replace(tmp, path)


def previous_sections(path):
    """{name: section text} of an existing results file, so `--only` replaces just its own sections."""
    try:
        with open(path, encoding='utf-8') as f:
            text = f.read()
    except OSError:
        return {}
    parts = re.split(r'^(?=## )', text, flags=re.M)[1:]
    return {part.split('\n', 1)[0][3:].strip(): part.rstrip() + '\n' for part in parts}


def run(names, opts, previous=None):
    """The results file: a section per benchmark, in registry order; sections of benchmarks not
    run this time are kept from `previous` (what the file held before)."""
    sections = dict(previous or {})
    for name in names:
        print(f"bench: {name} ...", flush=True)
        t0 = time.perf_counter()
        body = BENCHES[name](opts)
        print(f"bench: {name} done in {time.perf_counter() - t0:.0f} s", flush=True)
        sections[name] = f"## {name}\n\n{body.rstrip()}\n"
    order = [n for n in BENCHES if n in sections] + [n for n in sections if n not in BENCHES]
    return "# Benchmarks\n\n" + machine_summary() + "\n\n" + "\n".join(sections[n] for n in order)


def _load_plugins():
    """Import the modules that register entries of their own (their `@bench(...)` runs on import)."""
    import importlib
    for module in PLUGINS:
        importlib.import_module(module)


def main(argv=None):
    _load_plugins()
    p = argparse.ArgumentParser(prog='plateau bench', description="Run the benchmarks; write a markdown table.")
    p.add_argument('--out', default=os.path.join('bench', 'results.md'), help="where to write (default %(default)s)")
    p.add_argument('--only', action='append', choices=sorted(BENCHES), metavar='NAME',
                   help="run only this benchmark (repeatable): " + ', '.join(sorted(BENCHES)))
    p.add_argument('--data_dir', default=BenchOptions.data_dir, help="shakespeare_char data (default %(default)s)")
    p.add_argument('--quick', action='store_true', help="a few iterations only: checks the harness, not speed")
    args = p.parse_args(argv)
    names = args.only or list(BENCHES)
    needs_data = any(n in NEEDS_DATA for n in names)
    if needs_data and not os.path.exists(os.path.join(args.data_dir, 'train.bin')):
        print(f"error: no shakespeare_char data in {args.data_dir}; prepare it with "
              f"`python -m trainer prepare shakespeare_char` (or pass --data_dir=DIR)", file=sys.stderr)
        return 2
    with tempfile.TemporaryDirectory(prefix='plateau-bench-') as work:
        opts = BenchOptions(data_dir=args.data_dir, work_dir=work, quick=args.quick)
        try:
            text = run(names, opts, previous_sections(args.out) if args.only else None)
        except BenchError as e:
            print(f"error: {e}", file=sys.stderr)
            return 2
    write_atomic(args.out, text)
    print(f"wrote {args.out}")
    return 0
