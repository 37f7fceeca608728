"""Evaluate phase: every eval_interval iterations, the train and val loss, then maybe a checkpoint.

As in nanoGPT (train.py L216-228, L258-288) the eval runs at the top of its
iteration, on rank 0, in eval mode (no dropout), averaging eval_iters random
batches of each split; it prints the `step` line and saves a checkpoint when
val improved or always_save_checkpoint is set, never at iteration 0. Unlike
nanoGPT, best_val_loss stays the best val seen even under always_save_checkpoint,
the eval batches are the counter-seeded ones of trainer/batches.py, and a
non-finite eval loss stops the run before the save.
"""
import math

import torch
import torch.distributed as dist

from trainer import checkpoint as ckpt_io
from trainer import progress
from trainer.step import nonfinite_error


@torch.no_grad()
def estimate_loss(model, batches, iter_num, eval_iters, autocast):
    """{'train': mean loss, 'val': mean loss} over eval_iters batches of each split, in eval mode."""
    model.eval()
    means = {}
    for split in ('train', 'val'):
        losses = torch.zeros(eval_iters)
        for k in range(eval_iters):
            x, y = batches.for_eval(split, iter_num, k, eval_iters)
            with autocast:
                _, loss = model(x, y)
            losses[k] = loss.item()
        means[split] = losses.mean().item()
    model.train()
    return means


def _gather_rng_states(s):
    """Every rank's RNG states (each rank draws its own dropout), for the checkpoint."""
    state = ckpt_io.capture_rng_state()
    if not s.rt.ddp:
        return [state]
    states = [None] * s.rt.world_size
    dist.all_gather_object(states, state)
    return states


def evaluate_and_checkpoint(s, lr, guard):
    """The eval iteration's work, before its own update: check, evaluate, log, save."""
    guard.check()  # weights that already met a NaN are never saved
    rng_states = _gather_rng_states(s)
    if not s.rt.master:
        return
    c = s.counters
    losses = estimate_loss(s.eval_model, s.data.batches, c.iter_num, s.cfg.eval_iters, s.rt.autocast)
    print(progress.step_line(c.iter_num, losses['train'], losses['val']))
    if not (math.isfinite(losses['val']) and math.isfinite(losses['train'])):
        raise nonfinite_error(f"eval loss is {losses['val']} (val), {losses['train']} (train)", c.iter_num, lr, s)
    improved = losses['val'] < c.best_val_loss
    saving = (improved or s.cfg.always_save_checkpoint) and c.iter_num > 0
    if improved:
        c.best_val_loss = losses['val']
    progress.record_eval(s, losses, lr, saving)
    if saving:
        print(f"saving checkpoint to {s.cfg.out_dir}")
        ckpt_io.save(ckpt_io.run_payload(s, rng_states), s.ckpt_file)
