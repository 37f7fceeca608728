"""The trainer's speed tables in `make bench`: nanoGPT's settings against ours, on this CPU.

Each variant is a real run of `python -m trainer train` in a fresh process
(trainer/bench/harness.py); ms/iter is read from its metrics.jsonl.
"nanoGPT-equivalent" means what nanoGPT itself runs on a CPU: float32, no
autocast, no torch.compile (its README's `--device=cpu --compile=False`).
Under each table, the torch profiler's split of one iteration's time
(trainer/bench/step_profile.py).
"""
import os

from trainer import recipes
from trainer.bench.harness import records, time_iterations
from trainer.bench.registry import bench
from trainer.bench.step_profile import profile_step

# the training keys of the recipes; the harness sets max_iters, evals and logging itself
TRAINING_KEYS = ('gradient_accumulation_steps', 'batch_size', 'block_size', 'n_layer', 'n_head', 'n_embd', 'dropout',
                 'learning_rate', 'beta2', 'min_lr', 'warmup_iters', 'lr_decay_iters', 'always_save_checkpoint')
SHAKESPEARE_CHAR = recipes.as_args(recipes.SHAKESPEARE_CHAR, keep=TRAINING_KEYS)
CPU_RECIPE = recipes.as_args(recipes.CPU_RECIPE, keep=TRAINING_KEYS)
NANOGPT_EQUIVALENT = ['--compile=False', '--dtype=float32']  # what nanoGPT runs on a CPU
PROJECT_DEFAULTS = []  # compile=True and dtype=auto (float32 on CPU): the TrainConfig defaults
BF16_AUTOCAST = ['--compile=False', '--dtype=bfloat16']  # pays off on CPUs with AMX tiles, measured here
SPEEDUP_TARGET = 2.0  # the trainer issue's target for the defaults on the CPU recipe


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
            config = config or records(out, 'config')[0]
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


@bench('cpu-recipe', needs_data=True)
def cpu_recipe_speed(opts):
    """nanoGPT's README CPU recipe: 4 layers, 4 heads, 128 wide, block 64, batch 12."""
    return ("nanoGPT README's CPU recipe (`--block_size=64 --batch_size=12 --n_layer=4 --n_head=4 --n_embd=128`).\n\n"
            + _speed_table(opts, CPU_RECIPE, 'cpu-recipe', iters=60, skip=15, repeats=3, profile_steps=20,
                           target=SPEEDUP_TARGET))


@bench('shakespeare-char-6x384', needs_data=True)
def shakespeare_char_speed(opts):
    """nanoGPT's config/train_shakespeare_char.py model: 6 layers, 6 heads, 384 wide, block 256, batch 64."""
    return ("nanoGPT's `config/train_shakespeare_char.py` model (6/6/384, block 256, batch 64, dropout 0.2).\n\n"
            + _speed_table(opts, SHAKESPEARE_CHAR, 'shakespeare-char', iters=10, skip=4, repeats=2, profile_steps=3))
