"""Step phase: one optimizer step, accumulated over micro-batches, as nanoGPT's loop takes it.

For each of the rank's `accum` micro-batches: forward under autocast, the loss
divided by accum (so the gradients add up to the mean over the whole batch),
the next micro-batch fetched while the backward is still to come (on CUDA the
copy overlaps the GPU's work), then backward through the GradScaler. Then: the
gradient norm (clipped at grad_clip unless 0), the AdamW step, gradients freed.
nanoGPT's loop, train.py L249-333.

Under DDP the gradients are all-reduced on the last micro-batch only: DDP's
require_backward_grad_sync flag is what its no_sync() context toggles.
"""
import os
from dataclasses import dataclass

import torch
import torch.distributed as dist

from trainer import sizing
from trainer.session import TrainError


def set_lr(optimizer, cfg, iter_num):
    """Put the schedule's learning rate for iter_num into every parameter group; return it."""
    lr = sizing.get_lr(iter_num, cfg.learning_rate, cfg.warmup_iters, cfg.lr_decay_iters, cfg.min_lr,
                       cfg.decay_lr, cfg.lr_schedule)
    for group in optimizer.param_groups:
        group['lr'] = lr
    return lr


def total_grad_norm(parameters):
    """The L2 norm over all gradients that clip_grad_norm_ would return, gradients left unchanged."""
    grads = [p.grad for p in parameters if p.grad is not None]
    if hasattr(torch.nn.utils, 'get_total_norm'):  # torch >= 2.6
        return torch.nn.utils.get_total_norm(grads)
    return torch.linalg.vector_norm(torch.stack([torch.linalg.vector_norm(g) for g in grads]))


@dataclass
class StepResult:
    last_loss: torch.Tensor  # the last micro-batch's loss divided by accum; nanoGPT prints it times accum
    loss_sum: torch.Tensor   # all micro-batches' divided losses added up (detached): the NaN check's input
    grad_norm: torch.Tensor  # before clipping


def optimizer_step(s, x, y):
    """One update of s.model from micro-batches starting with (x, y); returns (next x, next y, StepResult)."""
    accum, batches, iter_num = s.rt.accum, s.data.batches, s.counters.iter_num
    loss_sum = None
    for micro_step in range(accum):
        if s.rt.ddp:
            s.train_model.require_backward_grad_sync = micro_step + 1 == accum
        with s.rt.autocast:
            _, loss = s.train_model(x, y)
            loss = loss / accum
        x, y = batches.next_train(iter_num, micro_step)
        s.scaler.scale(loss).backward()
        loss_sum = loss.detach() if loss_sum is None else loss_sum + loss.detach()
    if s.cfg.grad_clip != 0.0 or s.scaler.is_enabled():
        s.scaler.unscale_(s.optimizer)  # clip and measure true gradients, not fp16-scaled ones
    if s.cfg.grad_clip != 0.0:
        grad_norm = torch.nn.utils.clip_grad_norm_(s.model.parameters(), s.cfg.grad_clip)
    else:
        grad_norm = total_grad_norm(s.model.parameters())
    s.scaler.step(s.optimizer)
    s.scaler.update()
    s.optimizer.zero_grad(set_to_none=True)
    s.counters.tokens_seen += s.rt.tokens_per_iter
    return x, y, StepResult(loss, loss_sum, grad_norm)


def nonfinite_error(what, iter_num, lr, s):
    """The TrainError for a non-finite loss: where, with which lr, and what to suspect."""
    saved = "no checkpoint was written"
    if os.path.exists(s.ckpt_file):
        saved = f"the last good checkpoint {s.ckpt_file} is untouched"
    return TrainError(f"{what} at iter {iter_num}; stopped ({saved}). Likely causes: learning rate too high "
                      f"(lr was {lr:.3g}), float16 overflow (dtype is {s.rt.dtype}; bfloat16 has float32's range), "
                      f"or bad data (token ids must be < vocab_size {s.model_args['vocab_size']})")


class NonFiniteGuard:
    """Stops the run at the first NaN or inf loss, before it can reach a checkpoint.

    Reading a loss on CUDA waits for the GPU, so there the losses are kept and
    checked together on log and eval iterations; on a CPU every iteration is
    checked at once, free. Under DDP the losses are summed over the ranks first,
    so every rank stops at the same iteration.
    """

    def __init__(self, session):
        self.s = session
        self.pending = []  # (iter_num, lr, loss tensor) not checked yet

    def add(self, iter_num, lr, loss_sum):
        if self.s.rt.ddp:
            dist.all_reduce(loss_sum, op=dist.ReduceOp.SUM)
        self.pending.append((iter_num, lr, loss_sum))
        if self.s.rt.device_type != 'cuda' or iter_num % self.s.cfg.log_interval == 0:
            self.check()

    def check(self):
        if not self.pending:
            return
        finite = torch.stack([torch.isfinite(t) for _, _, t in self.pending]).cpu().tolist()
        for (iter_num, lr, loss), ok in zip(self.pending, finite):
            if not ok:
                what = 'loss is nan' if torch.isnan(loss).item() else 'loss is inf'
                if self.s.metrics is not None:
                    self.s.metrics.write({'kind': 'error', 'iter': iter_num, 'error': what, 'lr': lr})
                raise nonfinite_error(what, iter_num, lr, self.s)
        self.pending.clear()
