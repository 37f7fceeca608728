"""Where one training step's time goes: the torch profiler over the trainer's own model.

`make bench` puts this under each speed table. Matmul-bound work is what a CPU
does at its peak; the rest (elementwise kernels, the optimizer, Python) is what
torch.compile can fuse. Splitting the two tells whether a speed target is a
matter of a faster loop or of faster matrix multiplications.
"""
import contextlib
import os
import sys

MATMUL_OPS = ('aten::mm', 'aten::addmm')  # the Linear layers (and lm_head), forward and backward
# attention's own matmuls: inside SDPA's flash kernel, or batched matmuls when SDPA falls back to
# its math path (dropout in training on a CPU); matched as name prefixes
ATTENTION_OPS = ('aten::_scaled_dot_product', 'aten::bmm', 'aten::baddbmm')


@contextlib.contextmanager
def quiet_stderr():
    """Kineto writes `profiler_start`/`profiler_stop` lines from C++ straight to file descriptor 2,
    and no setting turns them off: point fd 2 at /dev/null while the profiler runs."""
    sys.stderr.flush()
    saved, devnull = os.dup(2), os.open(os.devnull, os.O_WRONLY)
    os.dup2(devnull, 2)
    try:
        yield
    finally:
        os.dup2(saved, 2)
        os.close(saved)
        os.close(devnull)


def profile_step(model_args, batch_size, steps=10, warmup=3):
    """(Linear-layer matmul ms, attention ms) per micro-step: the torch profiler's self time of
    the BLAS calls and of attention's kernels over `steps` eager float32 training steps (forward,
    backward, clip, AdamW) of the trainer's own model, on random tokens."""
    import torch
    from torch.profiler import ProfilerActivity, profile
    from trainer.model import GPT, GPTConfig
    with torch.random.fork_rng(devices=[]):
        torch.manual_seed(0)
        model = GPT(GPTConfig(**model_args), log=None)
        optimizer = model.configure_optimizers(0.1, 1e-3, (0.9, 0.99), 'cpu')
        x, y = (torch.randint(0, model_args['vocab_size'], (batch_size, model_args['block_size'])) for _ in range(2))

    def step():
        _, loss = model(x, y)
        loss.backward()
        torch.nn.utils.clip_grad_norm_(model.parameters(), 1.0)
        optimizer.step()
        optimizer.zero_grad(set_to_none=True)

    for _ in range(warmup):
        step()
    with quiet_stderr(), profile(activities=[ProfilerActivity.CPU]) as prof:
        for _ in range(steps):
            step()
    events = prof.key_averages()
    matmul = sum(e.self_cpu_time_total for e in events if e.key in MATMUL_OPS)
    attention = sum(e.self_cpu_time_total for e in events if e.key.startswith(ATTENTION_OPS))
    return matmul / steps / 1000, attention / steps / 1000
