"""Pure arithmetic shared by the trainer, the analyzer and the pages.

Parameter counts, FLOPs per token, tokens per iteration, the learning-rate
schedule and MFU, exactly as nanoGPT computes them (model.py get_num_params and
estimate_mfu, train.py get_lr), so the analyzer can recompute any number a
nanoGPT log prints from its config alone. No torch here.
"""
import math


def swiglu_hidden(n_embd):
    """SwiGLU hidden width: 8/3·C rounded to the nearest multiple of 8.

    SwiGLU has three C×H matrices where the GELU MLP has two C×4C ones, so
    H = 8C/3 gives the same weight count (exact whenever C is a multiple of 24,
    e.g. 384 -> 1024, 768 -> 2048). Rounding to a multiple of 8 keeps bf16/fp16
    matmuls tensor-core friendly and keeps the MLP weights within 1.5/C of the
    GELU count (0.8% at C=128). LLaMA rounds up to a multiple of 256, which at
    C=128 would mean 50% more MLP weights and an unfair "same size" comparison.
    """
    return max(8, 8 * round(8 * n_embd / 3 / 8))


def num_params(n_layer, n_embd, vocab_size, block_size=1024, bias=False, mlp='gelu', norm='layernorm',
               pos='learned', non_embedding=True):
    """nanoGPT's GPT.get_num_params(): every parameter once (wte is tied to lm_head),
    minus the position embedding wpe when non_embedding. With pos='rope' there is no wpe."""
    C = n_embd
    norm_params = C + (C if bias and norm == 'layernorm' else 0)  # RMSNorm has no bias
    attn = 3 * C * C + C * C + ((3 * C + C) if bias else 0)  # c_attn (fused qkv) + c_proj
    if mlp == 'gelu':
        ffn = 4 * C * C + 4 * C * C + ((4 * C + C) if bias else 0)  # c_fc + c_proj
    elif mlp == 'swiglu':
        H = swiglu_hidden(C)
        ffn = C * 2 * H + H * C + ((2 * H + C) if bias else 0)  # c_fc (gate and up fused) + c_proj
    else:
        raise ValueError(f"unknown mlp {mlp!r}")
    if pos not in ('learned', 'rope'):
        raise ValueError(f"unknown pos {pos!r}")
    if norm not in ('layernorm', 'rmsnorm'):
        raise ValueError(f"unknown norm {norm!r}")
    n = n_layer * (2 * norm_params + attn + ffn) + norm_params + vocab_size * C  # + ln_f + wte
    if pos == 'learned' and not non_embedding:
        n += block_size * C  # wpe
    return n


def flops_per_token(n_params, n_layer, n_head, n_embd, block_size):
    """PaLM Appendix B, as nanoGPT's estimate_mfu: 6N for the weights (forward 2N,
    backward 4N) plus 12·L·H·Q·T for attention scores, with T = block_size."""
    Q = n_embd // n_head
    return 6 * n_params + 12 * n_layer * n_head * Q * block_size


def flops_per_iter(n_params, n_layer, n_head, n_embd, block_size, fwdbwd_per_iter):
    """FLOPs of one optimizer step: fwdbwd_per_iter = batch_size * gradient_accumulation_steps
    (per rank, after the DDP division), each sequence block_size tokens long."""
    return flops_per_token(n_params, n_layer, n_head, n_embd, block_size) * block_size * fwdbwd_per_iter


def tokens_per_iter(gradient_accumulation_steps, world_size, batch_size, block_size):
    """nanoGPT's `tokens per iteration will be:` number. gradient_accumulation_steps is
    the per-rank value (after the division by world_size), as in train.py."""
    return gradient_accumulation_steps * world_size * batch_size * block_size


def get_lr(it, learning_rate, warmup_iters, lr_decay_iters, min_lr, decay_lr=True, schedule='cosine'):
    """nanoGPT's get_lr: linear warmup lr*(it+1)/(warmup_iters+1), then cosine down to
    min_lr at lr_decay_iters, then min_lr. schedule='linear' decays linearly instead
    (min_lr=0 gives linear-to-zero). decay_lr=False keeps learning_rate throughout.
    """
    if not decay_lr:
        return learning_rate
    if it < warmup_iters:
        return learning_rate * (it + 1) / (warmup_iters + 1)
    if it > lr_decay_iters:
        return min_lr
    # nanoGPT divides by zero here when lr_decay_iters == warmup_iters (e.g. its CPU recipe
    # without the config file: warmup 2000, decay 2000, and iteration 2000 is run); that one
    # iteration sits at the start of the (empty) decay, so it gets the peak lr.
    span = lr_decay_iters - warmup_iters
    decay_ratio = (it - warmup_iters) / span if span > 0 else 0.0
    assert 0 <= decay_ratio <= 1
    if schedule == 'cosine':
        coeff = 0.5 * (1.0 + math.cos(math.pi * decay_ratio))  # coeff ranges 0..1
    elif schedule == 'linear':
        coeff = 1.0 - decay_ratio
    else:
        raise ValueError(f"unknown lr schedule {schedule!r}")
    return min_lr + coeff * (learning_rate - min_lr)


def mfu(flops_per_iter, dt, peak_flops):
    """Model FLOPs utilization, a fraction (0.4 = 40%): flops_per_iter / dt / peak_flops, with
    flops_per_iter in FLOPs, dt the iteration's wall time in seconds, peak_flops in FLOP/s."""
    return flops_per_iter / dt / peak_flops
