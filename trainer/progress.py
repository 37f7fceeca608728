"""Log phase: nanoGPT's console lines, the MFU average, metrics.jsonl and wandb.

The two loop lines, byte for byte as nanoGPT prints them (train.py L265, L327):

    step {iter}: train loss {:.4f}, val loss {:.4f}
    iter {iter}: loss {:.4f}, time {ms:.2f}ms, mfu {percent:.2f}%

- time: wall time since the previous iteration's update, so an eval iteration
  includes its eval and checkpoint, and iteration 0 any compilation;
- loss: the last micro-batch's loss on rank 0, in train mode, scaled back up
  by the accumulation steps (not a mean over the batch);
- mfu: an EMA (0.9 old, 0.1 new) updated on logged iterations from this
  process's 5th iteration on, against the A100's 312 TFLOPS; -100.00% before.
  metrics.jsonl has it as mfu_a100, and mfu_device against this device's peak.
"""
import os
import time

import torch

from trainer import hardware
from trainer.config import to_dict
from trainer.console import LOG_NAME
from trainer.metrics import METRICS_NAME, MetricsWriter

MFU_SETTLE_ITERS = 5  # nanoGPT lets the loop settle this long before measuring


def step_line(iter_num, train_loss, val_loss):
    return f"step {iter_num}: train loss {train_loss:.4f}, val loss {val_loss:.4f}"


def iter_line(iter_num, loss, seconds, mfu):
    """seconds: the iteration's wall time; mfu: a fraction of the peak (-1.0: not measured yet)."""
    ms, percent = seconds * 1000, mfu * 100
    return f"iter {iter_num}: loss {loss:.4f}, time {ms:.2f}ms, mfu {percent:.2f}%"


def ema(average, value):
    """nanoGPT's running MFU: the first measurement as is, then 0.9 * average + 0.1 * value."""
    return value if average == -1.0 else 0.9 * average + 0.1 * value


class Clock:
    """Wall time between the ends of successive updates (time.time, as nanoGPT)."""

    def __init__(self):
        self.last = time.time()

    def lap(self):
        """Seconds since the previous lap (or since the clock started)."""
        now = time.time()
        seconds, self.last = now - self.last, now
        return seconds


def open_outputs(s, console):
    """On rank 0: out_dir, train.log (appended to on resume), this device's peak FLOP/s."""
    if not s.rt.master:
        return
    os.makedirs(s.cfg.out_dir, exist_ok=True)
    console.open(os.path.join(s.cfg.out_dir, LOG_NAME), append=s.cfg.init_from == 'resume')
    # a CPU's peak is measured on random matrices: in a forked RNG, so that whether the
    # measurement was cached never changes the training run
    with torch.random.fork_rng(devices=[]):
        s.device_name, s.peak_flops, s.peak_source = hardware.device_peak_flops(s.rt.device, s.rt.dtype)


def open_metrics(s):
    """metrics.jsonl on rank 0 (unless cfg.metrics is off), starting with the config record."""
    if not (s.rt.master and s.cfg.metrics):
        return
    resumed_from = s.counters.iter_num if s.cfg.init_from == 'resume' else None
    s.metrics = MetricsWriter(os.path.join(s.cfg.out_dir, METRICS_NAME), resume_iter=resumed_from)
    s.metrics.write({
        'kind': 'config', 'config': to_dict(s.cfg), 'model_args': s.model_args,
        'num_params': s.model.get_num_params(), 'device': s.rt.device, 'device_name': s.device_name,
        'dtype': s.rt.dtype, 'peak_flops_device': s.peak_flops, 'peak_source': s.peak_source,
        'peak_flops_a100': hardware.A100_BF16_PEAK, 'world_size': s.rt.world_size,
        'gradient_accumulation_steps_per_rank': s.rt.accum, 'tokens_per_iter': s.rt.tokens_per_iter,
        'train_tokens': s.data.split_tokens['train'], 'val_tokens': s.data.split_tokens['val'],
        'resumed_from': resumed_from, 'torch': torch.__version__, 'time': time.time()})


def _epochs(s, tokens):
    return tokens / s.data.split_tokens['train']


def record_eval(s, losses, lr, saving):
    """The eval's wandb point and metrics.jsonl record (tokens_seen: before this iteration's update)."""
    c = s.counters
    if s.wandb is not None:
        s.wandb.log({"iter": c.iter_num, "train/loss": losses['train'], "val/loss": losses['val'], "lr": lr,
                     "mfu": c.running_mfu * 100})
    if s.metrics is not None:
        s.metrics.write({'kind': 'eval', 'iter': c.iter_num, 'train_loss': losses['train'],
                         'val_loss': losses['val'], 'lr': lr, 'tokens_seen': c.tokens_seen,
                         'epoch': _epochs(s, c.tokens_seen), 'best_val_loss': c.best_val_loss,
                         'checkpoint': saving})


def _update_mfu(s, seconds):
    c, sequences = s.counters, s.cfg.batch_size * s.rt.accum
    c.running_mfu = ema(c.running_mfu, s.model.estimate_mfu(sequences, seconds))
    c.running_mfu_device = ema(c.running_mfu_device, s.model.estimate_mfu(sequences, seconds, s.peak_flops))


def log_iteration(s, lr, result, seconds):
    """On logged iterations, rank 0: the `iter` line and its metrics.jsonl record."""
    c = s.counters
    if c.iter_num % s.cfg.log_interval or not s.rt.master:
        return
    loss = result.last_loss.item() * s.rt.accum  # waits for the GPU
    if c.local_iter_num >= MFU_SETTLE_ITERS:
        _update_mfu(s, seconds)
    print(iter_line(c.iter_num, loss, seconds, c.running_mfu))
    if s.metrics is not None:
        s.metrics.write({'kind': 'iter', 'iter': c.iter_num, 'loss': loss, 'lr': lr,
                         'grad_norm': result.grad_norm.item(), 'tokens_seen': c.tokens_seen,
                         'epoch': _epochs(s, c.tokens_seen), 'dt_ms': seconds * 1000,
                         'mfu_a100': c.running_mfu if c.running_mfu != -1.0 else None,
                         'mfu_device': c.running_mfu_device if c.running_mfu_device != -1.0 else None,
                         'time': s.clock.last})
