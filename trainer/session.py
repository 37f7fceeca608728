"""What one training process holds while it runs: its parts, and the counters a checkpoint keeps.

train.py builds a Session phase by phase (setup, data, model, outputs) and the
loop's phases (evaluate, step, log, checkpoint) read and update it. It is a
plain record: no behaviour of its own beyond naming things.
"""
from dataclasses import dataclass, field
from typing import Any, Optional


class TrainError(RuntimeError):
    """Bad data, a checkpoint that does not fit, a diverged run: one `error: ...` line, exit 2."""


@dataclass
class Counters:
    """The run's position and running numbers; all of them go into the checkpoint."""
    iter_num: int = 0              # the iteration about to run (nanoGPT's iter_num)
    local_iter_num: int = 0        # iterations run by this process; MFU starts at 5, after a resume too
    best_val_loss: float = 1e9     # nanoGPT's starting value
    tokens_seen: int = 0           # training tokens consumed by the updates so far, all ranks together
    running_mfu: float = -1.0      # EMA of MFU against the A100; -1 until measured (prints -100.00%)
    running_mfu_device: float = -1.0  # the same against this device's peak

    @classmethod
    def from_checkpoint(cls, saved, tokens_per_iter):
        """Counters of a saved run. A nanoGPT checkpoint has iter_num and best_val_loss only."""
        iter_num = int(saved['iter_num'])
        return cls(iter_num=iter_num, best_val_loss=float(saved['best_val_loss']),
                   tokens_seen=int(saved.get('tokens_seen', iter_num * tokens_per_iter)),
                   running_mfu=float(saved.get('running_mfu', -1.0)),
                   running_mfu_device=float(saved.get('running_mfu_device', -1.0)))


@dataclass
class Session:
    """Everything the training loop's phases need."""
    cfg: Any                      # TrainConfig
    rt: Any                       # runtime.Runtime: device, dtype, DDP rank
    data: Any                     # batches.TrainingData
    model: Any                    # the GPT itself: state_dict, parameters, MFU
    model_args: dict              # GPTConfig fields, as checkpoints store them
    ckpt_file: str
    counters: Counters = field(default_factory=Counters)
    optimizer: Any = None
    scaler: Any = None            # torch.amp.GradScaler, enabled for float16 only
    train_model: Any = None       # the model as trained: compiled and/or DDP-wrapped
    eval_model: Any = None        # compiled but never DDP-wrapped: rank 0 evaluates alone
    metrics: Any = None           # metrics.MetricsWriter on rank 0, when cfg.metrics
    device_name: Optional[str] = None   # on rank 0: the GPU or CPU model
    peak_flops: Optional[float] = None  # on rank 0: this device's peak FLOP/s (hardware.py)
    peak_source: Optional[str] = None   # 'table' or 'measured'
    clock: Any = None             # progress.Clock: the time of the last update
    wandb: Any = None             # the wandb module when cfg.wandb_log
