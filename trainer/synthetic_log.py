"""Synthetic nanoGPT console logs, written the way train.py would print them: test and benchmark input.

Used by the analyzer's tests (tests/log_fixtures.py builds its logs with it)
and by the analyzer benchmark. Every number in these logs is made up by
construction; none of them is data. The generator follows nanoGPT's loop
order (train.py L249-333): the eval block (and checkpoint save) runs at the
top of an iteration, so that iteration's `time` includes it; iteration 0 also
includes torch.compile; the MFU is an EMA over *logged* iterations, printed as
the `-100.00%` sentinel while the local iteration is below 5 (it starts after
5 iterations), against the A100's 312 TFLOPS. No torch here.
"""
import random

A100_PEAK = 312e12  # nanoGPT's hardcoded flops_promised


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
