"""Logs the analyzer tests read: a long plateau-shaped nanoGPT run, made up by construction.

Not a test module (no `test_` prefix). `plateau_log()` is a 12/12/384 GPT
(40.56M parameters), 16 x 32 x 1024 = 524,288 tokens per iteration, evals
every 500 iterations, logged every 10, stopped at iteration 14,500: a fixture
with every kind of line (config echo, header, step, iter, checkpoint) and a
val curve that flattens, dips to a minimum and moves within its noise after
it. Its numbers are invented to exercise the rules (including a 20 s eval, a
45 s compile and a steady MFU); they are not the case study's data, which is
in trainer/case_study.py and holds only what the notes state.
"""
import math

from trainer.synthetic_log import A100_PEAK, nanogpt_header, nanogpt_log_lines


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


PLATEAU_CONFIG = """\
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

# Anchors of the made-up curves; between them a monotone cubic, after the minimum two points
# that move within the noise.
VAL = {0: 10.8700, 500: 5.6200, 1000: 4.6100, 1500: 4.2500, 2000: 4.0300, 5000: 3.7600,
       8000: 3.6500, 11000: 3.6100, 12000: 3.5905, 12500: 3.5800, 13000: 3.5728, 13500: 3.5681}
VAL_TAIL = {14000: 3.5689, 14500: 3.5696}
TRAIN = {0: 10.8712, 500: 5.6300, 1000: 4.6300, 1500: 4.2700, 2000: 4.0512, 5000: 3.8003,
         8000: 3.6998, 11000: 3.6689, 13500: 3.6440, 14500: 3.6415}
FLOPS_PER_ITER = 299_983_104 * 1024 * 16 * 32  # flops_per_token(40.56M, 12, 12, 384, 1024) x tokens
MFU = 0.119


def plateau_config():
    """The fixture's config file (nanoGPT format)."""
    return PLATEAU_CONFIG


def plateau_log(seed=1337):
    """The fixture as a nanoGPT console log, stopped at iteration 14,500."""
    val_head = monotone_curve(VAL)
    train = monotone_curve(TRAIN)

    def val(step):
        return VAL_TAIL.get(step) or val_head(step)

    # the iter line is train mode (dropout 0.1 on) and one micro-batch of 16 sequences: noisy
    def iter_loss(it, rng):
        return train(it) + 0.02 + rng.gauss(0.0, 0.07)

    dt = FLOPS_PER_ITER / (MFU * A100_PEAK) * 1000.0
    header = nanogpt_header(524_288, 40_560_000, config_file="config/train_fineweb_single.py",
                            config_text=PLATEAU_CONFIG, decayed=((50, 40_943_616), (25, 9_600)))
    lines = nanogpt_log_lines(
        14_500, val_at=val, train_at=train, iter_loss_at=iter_loss, dt_ms=dt,
        eval_ms=20_000.0, compile_ms=45_000.0, flops_per_iter=FLOPS_PER_ITER,
        eval_interval=500, log_interval=10, header=header, out_dir="out-fineweb-single", seed=seed,
    )
    return "".join(lines)
