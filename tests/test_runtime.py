"""trainer/runtime.py, the setup phase: device, dtype, accumulation per rank, seeding, the DDP group."""
import contextlib

import pytest
import torch

from trainer import runtime
from trainer.config import ConfigError, TrainConfig
from trainer.console import ConsoleTee
from trainer.session import TrainError


def cpu_config(**kw):
    return TrainConfig(**{'device': 'cpu', 'batch_size': 4, 'block_size': 16, 'gradient_accumulation_steps': 6, **kw})


def test_one_process_on_the_cpu(monkeypatch):
    monkeypatch.delenv('RANK', raising=False)
    rt = runtime.start(cpu_config(), console=None)
    assert (rt.device, rt.device_type, rt.dtype, rt.ddp, rt.rank, rt.world_size, rt.master) == \
        ('cpu', 'cpu', 'float32', False, 0, 1, True)
    assert rt.accum == 6 and rt.tokens_per_iter == 6 * 4 * 16
    assert isinstance(rt.autocast, contextlib.nullcontext)  # float32: no autocast, as nanoGPT on a CPU
    bf16 = runtime.start(cpu_config(dtype='bfloat16'), console=None)
    assert isinstance(bf16.autocast, torch.amp.autocast)


def ddp_env(monkeypatch, rank, world_size, joined):
    monkeypatch.setenv('RANK', str(rank))
    monkeypatch.setenv('LOCAL_RANK', str(rank))
    monkeypatch.setenv('WORLD_SIZE', str(world_size))
    monkeypatch.setattr(runtime.dist, 'init_process_group', lambda backend: joined.append(backend))


def test_ddp_splits_the_accumulation_and_quiets_other_ranks(monkeypatch):
    joined, console = [], ConsoleTee(None)
    console.pending = ['held line\n']
    ddp_env(monkeypatch, rank=2, world_size=3, joined=joined)
    rt = runtime.start(cpu_config(), console)
    assert joined == ['gloo']  # NCCL needs CUDA: CPU ranks use gloo
    assert (rt.ddp, rt.rank, rt.world_size, rt.master, rt.accum) == (True, 2, 3, False, 2)
    assert rt.tokens_per_iter == 2 * 3 * 4 * 16  # the same tokens per update as one process with 6 steps
    assert console.keep_log is False and console.pending == []  # only rank 0 writes train.log


def test_ddp_accumulation_must_split_evenly(monkeypatch):
    ddp_env(monkeypatch, rank=0, world_size=4, joined=[])
    with pytest.raises(ConfigError, match=r'gradient_accumulation_steps \(6\) must be divisible by the number '
                                          r'of processes \(4\)'):
        runtime.start(cpu_config(), ConsoleTee(None))


def test_ddp_refuses_mps(monkeypatch):
    ddp_env(monkeypatch, rank=0, world_size=1, joined=[])
    with pytest.raises(TrainError, match="DDP needs device cuda or cpu, got 'mps'"):
        runtime.start(cpu_config(device='mps'), ConsoleTee(None))


def test_each_rank_seeds_with_seed_plus_rank(monkeypatch):
    monkeypatch.delenv('RANK', raising=False)
    cfg = cpu_config(seed=5)
    rt = runtime.start(cfg, console=None)
    for rank in (0, 2):  # each rank draws its own dropout masks
        rt.rank = rank
        runtime.seed_and_precision(cfg, rt)
        assert torch.equal(torch.rand(3), torch.rand(3, generator=torch.Generator().manual_seed(5 + rank)))
