"""Setup phase: the device, the dtype, and the DDP process group, as nanoGPT's train.py sets them up.

Under torchrun (RANK is set) each process joins the group: NCCL on CUDA, gloo
on CPU processes. The gradient accumulation steps are split between the ranks,
so one process and N processes train on the same tokens per iteration
(nanoGPT PR #145; train.py L94-95). Each rank seeds torch with seed + rank
(L106), and CUDA matmuls may use TF32 (L107-108).
"""
import os
from dataclasses import dataclass
from typing import Any

import torch
import torch.distributed as dist

from trainer import hardware, sizing
from trainer.config import ConfigError
from trainer.session import TrainError


@dataclass
class Runtime:
    device: str          # 'cpu', 'cuda', 'cuda:1', 'mps'
    device_type: str     # 'cuda' or 'cpu' (mps too): what fused AdamW and DDP ask about
    dtype: str           # 'float32', 'bfloat16' or 'float16'
    autocast: Any        # context manager around forward passes (nullcontext for float32)
    accum: int           # gradient accumulation steps of this rank
    tokens_per_iter: int  # per optimizer step, all ranks together
    ddp: bool = False
    rank: int = 0
    local_rank: int = 0
    world_size: int = 1

    @property
    def master(self):
        """Rank 0 evaluates, logs and checkpoints."""
        return self.rank == 0


def _ddp_device(cfg, local_rank):
    """(device, backend) of a DDP rank: its own GPU with cfg.backend, else CPU with gloo."""
    wants_cuda = cfg.device in ('auto', 'cuda') or cfg.device.startswith('cuda')
    if wants_cuda and torch.cuda.is_available():
        device = f'cuda:{local_rank}'
        torch.cuda.set_device(device)
        return device, cfg.backend
    if cfg.device not in ('auto', 'cpu'):
        raise TrainError(f"DDP needs device cuda or cpu, got '{cfg.device}'")
    return 'cpu', 'gloo'  # NCCL only speaks CUDA


def start(cfg, console):
    """The Runtime of this process; joins the process group under torchrun. ConfigError when
    the accumulation steps do not split evenly between the ranks."""
    accum, rank, local_rank, world_size = cfg.gradient_accumulation_steps, 0, 0, 1
    ddp = int(os.environ.get('RANK', -1)) != -1
    if ddp:
        rank, local_rank = int(os.environ['RANK']), int(os.environ['LOCAL_RANK'])
        world_size = int(os.environ['WORLD_SIZE'])
        device, backend = _ddp_device(cfg, local_rank)
        dist.init_process_group(backend=backend)
        if accum % world_size:
            raise ConfigError(f"gradient_accumulation_steps ({accum}) must be divisible "
                              f"by the number of processes ({world_size})")
        accum //= world_size
        if rank != 0:
            console.stop_logging()
    else:
        device = hardware.pick_device(cfg.device)
    dtype = hardware.pick_dtype(device, cfg.dtype)
    return Runtime(device=device, device_type='cuda' if 'cuda' in device else 'cpu', dtype=dtype,
                   autocast=hardware.autocast_context(device, dtype), accum=accum,
                   tokens_per_iter=sizing.tokens_per_iter(accum, world_size, cfg.batch_size, cfg.block_size),
                   ddp=ddp, rank=rank, local_rank=local_rank, world_size=world_size)


def seed_and_precision(cfg, rt):
    """Seed torch (seed + rank: each rank's dropout differs) and allow TF32 matmuls on CUDA."""
    torch.manual_seed(cfg.seed + rt.rank)
    if rt.device_type != 'cuda':
        return
    if hasattr(torch.backends.cudnn, 'conv'):  # torch >= 2.9 spells it fp32_precision, and warns on the old flags
        torch.backends.cuda.matmul.fp32_precision = 'tf32'
        torch.backends.cudnn.conv.fp32_precision = 'tf32'
    else:
        torch.backends.cuda.matmul.allow_tf32 = True
        torch.backends.cudnn.allow_tf32 = True


def stop():
    """Leave the process group, if this process joined one."""
    if dist.is_available() and dist.is_initialized():
        dist.destroy_process_group()
