"""Training batches: nanoGPT's random-window sampler, made reproducible, and the data checks.

nanoGPT's get_batch draws offsets from torch's global RNG, which dropout also
draws from, so the batch a run sees depends on everything that ran before it.
Here each batch comes from its own generator, seeded by (seed, stream, index),
so a resumed run and the ranks of a DDP run can redraw any batch from its
number alone. The windows, dtypes and device transfers are nanoGPT's.
"""
import hashlib
import os
from dataclasses import dataclass
from typing import Optional

import numpy as np
import torch

from trainer.data.bins import META, SPLITS, DataError, open_split, read_meta, split_tokens
from trainer.recipes import first_run_command


class Batches:
    """nanoGPT's "poor man's data loader", made reproducible.

    Like nanoGPT: random windows of block_size+1 tokens, torch.randint offsets,
    the memmap re-created on every call (nanoGPT: "to avoid a memory leak"),
    int64 tensors, pin_memory + non_blocking on CUDA.

    Unlike nanoGPT, the offsets of each batch come from a fresh torch.Generator
    seeded with hash(seed, stream, index). The sampler has no hidden state to
    lose: a resumed run redraws the batches of iteration N from N alone. The
    train stream is indexed by the global micro-batch number

        (iter_num * world_size + (world_size - 1 - rank)) * accum + micro_step

    with accum the per-rank gradient_accumulation_steps. So the world_size ranks
    of one iteration together draw the same world_size*accum micro-batches as one
    process with world_size*accum steps; rank 0 takes the last slice, so the
    loss it prints (the last micro-step's) is the one a single process prints.
    Eval batches use their own streams, indexed by (iter_num, k): fresh windows
    at every eval, like nanoGPT, but the same ones on a rerun.
    """

    def __init__(self, data_dir, block_size, batch_size, device, seed, rank=0, world_size=1, accum=1):
        self.data_dir, self.block_size, self.batch_size = data_dir, block_size, batch_size
        self.device, self.seed = device, seed
        self.rank, self.world_size, self.accum = rank, world_size, accum
        self.pin = 'cuda' in device

    def state(self):
        """What a checkpoint records about the sampler; the position itself is iter_num."""
        return {'scheme': 'counter-hash-v1', 'seed': self.seed, 'world_size': self.world_size,
                'accum': self.accum, 'batch_size': self.batch_size, 'block_size': self.block_size}

    def _generator(self, stream, index):
        digest = hashlib.blake2b(f"{self.seed}/{stream}/{index}".encode(), digest_size=8).digest()
        return torch.Generator().manual_seed(int.from_bytes(digest, 'little') & (2 ** 63 - 1))

    def _draw(self, split, stream, index):
        data = open_split(self.data_dir, split)
        ix = torch.randint(len(data) - self.block_size, (self.batch_size,), generator=self._generator(stream, index))
        # one fancy-indexing read instead of nanoGPT's per-row torch.stack; same tensors
        rows = data[ix.numpy()[:, None] + np.arange(self.block_size + 1)].astype(np.int64)
        x = torch.from_numpy(np.ascontiguousarray(rows[:, :-1]))
        y = torch.from_numpy(np.ascontiguousarray(rows[:, 1:]))
        if self.pin:
            # page-locked host memory lets the copy to the GPU run while the GPU computes
            return x.pin_memory().to(self.device, non_blocking=True), y.pin_memory().to(self.device, non_blocking=True)
        return x.to(self.device), y.to(self.device)

    def train(self, iter_num, micro_step):
        index = (iter_num * self.world_size + (self.world_size - 1 - self.rank)) * self.accum + micro_step
        return self._draw('train', 'train', index)

    def next_train(self, iter_num, micro_step):
        """The batch that follows (iter_num, micro_step): what nanoGPT prefetches after a forward."""
        if micro_step + 1 < self.accum:
            return self.train(iter_num, micro_step + 1)
        return self.train(iter_num + 1, 0)

    def for_eval(self, split, iter_num, k, eval_iters):
        return self._draw(split, f'eval-{split}', iter_num * eval_iters + k)


@dataclass
class TrainingData:
    """The data phase's result: where the tokens are, how many, the vocab, and the sampler."""
    directory: str
    split_tokens: dict             # {'train': n, 'val': n}
    meta_vocab_size: Optional[int]  # from meta.pkl; None for a GPT-2 BPE dataset
    batches: Batches

    @property
    def meta_path(self):
        return os.path.join(self.directory, META)


def open_data(cfg, rt):
    """Data phase: check data/<dataset> (or cfg.data_dir) and read its vocab; DataError with a
    fix when something is missing or too short. Prints nothing, so a bad command fails before
    the model is built."""
    directory = cfg.data_dir or os.path.join('data', cfg.dataset)
    if not cfg.data_dir and cfg.dataset == 'openwebtext' and not os.path.isdir(directory):
        # nanoGPT's default dataset: a first run without --dataset lands here
        raise DataError(f"data directory {directory} not found: --dataset defaults to nanoGPT's openwebtext "
                        f"(about 9B tokens). For a first run on a CPU: {first_run_command()}")
    lengths = check_data(directory, cfg.block_size)
    meta = read_meta(directory)
    batches = Batches(directory, cfg.block_size, cfg.batch_size, rt.device, cfg.seed, rt.rank, rt.world_size,
                      rt.accum)
    return TrainingData(directory, lengths, None if meta is None else meta['vocab_size'], batches)


def check_data(data_dir, block_size):
    """{'train': n, 'val': n} token counts, or a DataError naming what is wrong and how to fix it.

    A missing directory or file gets bins.py's hint (`python -m trainer prepare shakespeare_char`).
    nanoGPT's torch.randint(len(data) - block_size) needs every split longer than block_size;
    without this check a short val split crashes the first eval with an obscure RuntimeError.
    """
    lengths = {split: split_tokens(data_dir, split) for split in SPLITS}
    for split, n in lengths.items():
        if block_size >= n:
            raise DataError(f"block_size {block_size} is too large for the {split} split of {data_dir}: "
                            f"it has {n:,} tokens and needs at least block_size + 1 (use a smaller --block_size)")
    return lengths


def max_token(data_dir):
    """Largest token id in val and the first 4M tokens of train: a cheap check against a wrong vocab."""
    return max(int(open_split(data_dir, 'val').max()), int(open_split(data_dir, 'train')[:1 << 22].max()))
