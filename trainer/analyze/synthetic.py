"""Synthetic nanoGPT console logs, written the way train.py would print them.

Used by the analyzer's tests and benchmark and by the gallery. The generator
follows nanoGPT's loop order (train.py L249-333): the eval block (and checkpoint
save) runs at the top of an iteration, so that iteration's `time` includes it;
iteration 0 also includes torch.compile; the MFU is an EMA over *logged*
iterations, printed as the `-100.00%` sentinel until local iteration 5, against
the A100's 312 TFLOPS.

`seeds_run_log()` rebuilds the run the seed notes diagnose by hand: a 40.56M
parameter GPT (12 layers, 12 heads, 384 wide), 16 x 32 x 1024 = 524,288 tokens
per iteration, evals every 500 iterations, pasted at iteration 14,500. The
quoted values are exact (val 10.87 @0, 4.03 @2000, 3.76 @5000, 3.65 @8000,
3.61 @11000, 3.57 @13500, 3.569 @14500, train 3.6415 @14500); the points in
between are a smooth monotone interpolation, the noise is seeded.
"""
import math
import random

A100_PEAK = 312e12  # nanoGPT's hardcoded flops_promised


def monotone_curve(points):
    """A monotone cubic (Fritsch-Carlson) through {x: y}: no overshoot between anchors."""
    xs = sorted(points)
    ys = [points[x] for x in xs]
    n = len(xs)
    if n == 1:
        return lambda x: ys[0]
    d = [(ys[i + 1] - ys[i]) / (xs[i + 1] - xs[i]) for i in range(n - 1)]
    m = [d[0]] + [0.0 if d[i - 1] * d[i] <= 0 else (d[i - 1] + d[i]) / 2 for i in range(1, n - 1)] + [d[-1]]
    for i in range(n - 1):
        if d[i] == 0:
            m[i] = m[i + 1] = 0.0
            continue
        a, b = m[i] / d[i], m[i + 1] / d[i]
        s = a * a + b * b
        if s > 9:
            t = 3 / math.sqrt(s)
            m[i], m[i + 1] = t * a * d[i], t * b * d[i]

    def f(x):
        if x <= xs[0]:
            return ys[0]
        if x >= xs[-1]:
            return ys[-1]
        lo, hi = 0, n - 1
        while hi - lo > 1:
            mid = (lo + hi) // 2
            if xs[mid] <= x:
                lo = mid
            else:
                hi = mid
        h = xs[hi] - xs[lo]
        t = (x - xs[lo]) / h
        h00, h10 = 2 * t ** 3 - 3 * t ** 2 + 1, t ** 3 - 2 * t ** 2 + t
        h01, h11 = -2 * t ** 3 + 3 * t ** 2, t ** 3 - t ** 2
        return h00 * ys[lo] + h10 * h * m[lo] + h01 * ys[hi] + h11 * h * m[hi]

    return f


def nanogpt_log_lines(last_iter, *, val_at, train_at, iter_loss_at, dt_ms, flops_per_iter,
                      eval_interval=2000, log_interval=1, eval_ms=0.0, compile_ms=0.0,
                      header=(), out_dir="out", first_iter=0, time_noise=0.02, seed=0):
    """Yield the console lines of one nanoGPT run from iteration first_iter to last_iter.

    val_at/train_at(step) give the `step` line (eval mode), iter_loss_at(it, rng) the
    `iter` line loss (train mode, last micro-batch), dt_ms the steady iteration time.
    """
    rng = random.Random(seed)
    yield from (line + "\n" for line in header)
    running_mfu = -1.0
    for it in range(first_iter, last_iter + 1):
        local = it - first_iter
        is_eval = it % eval_interval == 0
        if is_eval:
            yield f"step {it}: train loss {train_at(it):.4f}, val loss {val_at(it):.4f}\n"
            if it > 0:  # nanoGPT saves only when iter_num > 0
                yield f"saving checkpoint to {out_dir}\n"
        if it % log_interval == 0:
            dt = dt_ms * (1.0 + time_noise * rng.uniform(-1, 1))
            if is_eval:
                dt += eval_ms
            if local == 0:
                dt += compile_ms
            if local >= 5:
                mfu = flops_per_iter / (dt / 1000.0) / A100_PEAK
                running_mfu = mfu if running_mfu == -1.0 else 0.9 * running_mfu + 0.1 * mfu
            loss = iter_loss_at(it, rng)
            yield f"iter {it}: loss {loss:.4f}, time {dt:.2f}ms, mfu {running_mfu * 100:.2f}%\n"


def nanogpt_header(tokens_per_iter, n_params, config_file=None, config_text=None, vocab_line=None,
                   decayed=None, compile=True):
    lines = []
    if config_file:
        lines += [f"Overriding config with {config_file}:"] + config_text.rstrip("\n").split("\n")
    lines.append(f"tokens per iteration will be: {tokens_per_iter:,}")
    lines.append("Initializing a new model from scratch")
    lines.append(vocab_line or "defaulting to vocab_size of GPT-2 to 50304 (50257 rounded up for efficiency)")
    lines.append(f"number of parameters: {n_params / 1e6:.2f}M")
    if decayed:
        (nd, pd), (nn, pn) = decayed
        lines.append(f"num decayed parameter tensors: {nd}, with {pd:,} parameters")
        lines.append(f"num non-decayed parameter tensors: {nn}, with {pn:,} parameters")
        lines.append("using fused AdamW: True")
    if compile:
        lines.append("compiling the model... (takes a ~minute)")
    return lines


# -- the benchmark log: GPT-2 124M on 8 GPUs, nanoGPT defaults ----------------------------
GPT2_FLOPS_PER_ITER = 854_770_176 * 1024 * 12 * 5  # per rank: batch 12 x grad_accum 40/8


def synthetic_nanogpt_log(n_iters=600_000, *, eval_interval=2000, log_interval=1, seed=0):
    """A long, healthy nanoGPT run: the loss falls as a power law, ~560 ms/iter (~30% MFU)."""
    def curve(it):
        return 2.85 + 8.0 / (1.0 + it / 200.0) ** 0.45

    return nanogpt_log_lines(
        n_iters, val_at=lambda s: curve(s) + 0.01, train_at=curve,
        iter_loss_at=lambda it, rng: curve(it) + rng.gauss(0.0, 0.06),
        dt_ms=560.0, eval_ms=11_000.0, compile_ms=45_000.0, flops_per_iter=GPT2_FLOPS_PER_ITER,
        eval_interval=eval_interval, log_interval=log_interval, seed=seed,
        header=nanogpt_header(491_520, 123_587_328, decayed=((50, 124_354_560), (25, 19_200))),
    )


def write_synthetic_nanogpt_log(path, n_iters=600_000, **kwargs):
    with open(path, "w", encoding="utf-8") as f:
        f.writelines(synthetic_nanogpt_log(n_iters, **kwargs))
    return path


# -- the seeds' run -------------------------------------------------------------------------
SEEDS_CONFIG = """\
# a small GPT on one FineWeb-Edu parquet file, on a 12 GB card
out_dir = 'out-fineweb-single'
eval_interval = 500
log_interval = 10
eval_iters = 200
dataset = 'fineweb_edu_single'
batch_size = 16
gradient_accumulation_steps = 32
block_size = 1024
n_layer = 12
n_head = 12
n_embd = 384
dropout = 0.1
learning_rate = 1e-3
max_iters = 20000
lr_decay_iters = 20000
min_lr = 1e-4
weight_decay = 1e-1
"""

SEEDS_VAL = {0: 10.8700, 500: 5.6200, 1000: 4.6100, 1500: 4.2500, 2000: 4.0300, 5000: 3.7600,
             8000: 3.6500, 11000: 3.6100, 12000: 3.5905, 12500: 3.5800, 13000: 3.5728, 13500: 3.5681}
SEEDS_VAL_TAIL = {14000: 3.5689, 14500: 3.5696}  # after the minimum: flat within noise
SEEDS_TRAIN = {0: 10.8712, 500: 5.6300, 1000: 4.6300, 1500: 4.2700, 2000: 4.0512, 5000: 3.8003,
               8000: 3.6998, 11000: 3.6689, 13500: 3.6440, 14500: 3.6415}
SEEDS_FLOPS_PER_ITER = 299_983_104 * 1024 * 16 * 32  # flops_per_token(40.56M, 12, 12, 384, 1024) x tokens
SEEDS_MFU = 0.119  # the raw per-iteration MFU; the printed EMA sits at ~11-12%


def seeds_run_config():
    """The config file the seeds describe (nanoGPT format)."""
    return SEEDS_CONFIG


def seeds_train_config():
    """The seeds' config as a TrainConfig: parsed like any nanoGPT config file, nanoGPT's
    defaults for what it leaves out (warmup_iters 2000, bias False, grad_clip 1.0)."""
    from trainer.analyze.facts import config_from_text
    return config_from_text(SEEDS_CONFIG)[0]


def seeds_run_log(seed=1337):
    """The seeds' run as a nanoGPT console log, pasted at iteration 14,500."""
    val_head = monotone_curve(SEEDS_VAL)
    train = monotone_curve(SEEDS_TRAIN)

    def val(step):
        return SEEDS_VAL_TAIL.get(step) or val_head(step)

    # the iter line is train mode (dropout 0.1 on) and one micro-batch of 16 sequences: noisy
    def iter_loss(it, rng):
        return train(it) + 0.02 + rng.gauss(0.0, 0.07)

    dt = SEEDS_FLOPS_PER_ITER / (SEEDS_MFU * A100_PEAK) * 1000.0
    header = nanogpt_header(524_288, 40_560_000, config_file="config/train_fineweb_single.py",
                            config_text=SEEDS_CONFIG, decayed=((50, 40_943_616), (25, 9_600)))
    lines = nanogpt_log_lines(
        14_500, val_at=val, train_at=train, iter_loss_at=iter_loss, dt_ms=dt,
        # estimate_loss: 2 x 200 forward passes of 16 x 1024 tokens (~1/3 of a training
        # token's cost) plus the checkpoint write, ~20 s; torch.compile ~45 s at iteration 0
        eval_ms=20_000.0, compile_ms=45_000.0, flops_per_iter=SEEDS_FLOPS_PER_ITER,
        eval_interval=500, log_interval=10, header=header, out_dir="out-fineweb-single", seed=seed,
    )
    return "".join(lines)
