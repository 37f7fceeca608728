"""Checkpoints: atomic writes, safe loads, and the RNG states that make resume bit-exact.

nanoGPT saves {model, optimizer, model_args, iter_num, best_val_loss, config}
with a plain torch.save, so a kill during the save leaves a truncated ckpt.pt
and the run is lost. Here the file is written next to the old one, fsync'ed,
and renamed over it: a reader sees the old checkpoint or the new one, never a
mix. We also store what nanoGPT leaves out and a bit-exact resume needs: the
RNG states (dropout draws from torch's global generator), the GradScaler, the
sampler position and the running counters.

Everything stored is a tensor or a plain Python value, so `torch.load(...,
weights_only=True)` can read it back without unpickling arbitrary objects.
"""
import os
import random

import numpy as np
import torch

from trainer.atomic import atomic_file
from trainer.config import to_dict

CKPT_NAME = 'ckpt.pt'
FORMAT = 'plateau-ckpt-1'  # nanoGPT's own checkpoints have no 'format' key; we load those too


class CheckpointError(RuntimeError):
    """A checkpoint that is missing, unreadable or does not fit the run; printed as `error: ...`."""


def ckpt_path(out_dir):
    return os.path.join(out_dir, CKPT_NAME)


def save(obj, path):
    """torch.save `obj` to `path` atomically and durably (trainer/atomic.py, fsync on): a kill or a
    power cut at any moment leaves the previous checkpoint or the new one, never a torn file."""
    with atomic_file(path, 'wb', fsync=True) as f:
        torch.save(obj, f)


def load(path, map_location='cpu'):
    """The checkpoint dict at `path`, read with weights_only=True (no arbitrary code)."""
    if not os.path.exists(path):
        raise CheckpointError(f"no checkpoint to resume from: {path} does not exist "
                              f"(train once with init_from='scratch' first)")
    try:
        ckpt = torch.load(path, map_location=map_location, weights_only=True)
    except Exception as e:  # truncated file, a pickle with non-tensor objects, ...
        first = str(e).strip().splitlines()[0] if str(e).strip() else type(e).__name__
        raise CheckpointError(f"cannot read checkpoint {path}: {first}") from None
    if not isinstance(ckpt, dict) or 'model' not in ckpt or 'model_args' not in ckpt:
        raise CheckpointError(f"{path} is not a nanoGPT/Plateau checkpoint (no 'model' and 'model_args')")
    return ckpt


def clean_state_dict(state_dict):
    """Model weights under our parameter names: without the prefixes torch.compile (`_orig_mod.`)
    and DDP (`module.`) put in front, and without the causal-mask buffers (`attn.bias`) that
    nanoGPT saved when torch had no fused attention (our model builds its mask when needed).
    nanoGPT strips `_orig_mod.` alone (train.py L172-177)."""
    out = {}
    for key, value in state_dict.items():
        while key.startswith(('_orig_mod.', 'module.')):
            key = key.split('.', 1)[1]
        if not key.endswith('.attn.bias'):
            out[key] = value
    return out


def _nanogpt_rank(name):
    """Where nanoGPT's model registers a parameter: wte, wpe, the blocks, ln_f (model.py, GPT.__init__)."""
    for rank, prefix in enumerate(('transformer.wte.', 'transformer.wpe.', 'transformer.h.', 'transformer.ln_f.')):
        if name.startswith(prefix):
            return rank
    return 4


def optimizer_state(saved, model):
    """The checkpoint's optimizer state, its parameter numbers in our model's order.

    A saved optimizer refers to parameters by position. Our model registers wpe
    after ln_f where nanoGPT registers it after wte, so a nanoGPT checkpoint (it
    has no 'format' key) is renumbered: each group keeps its parameters, matched by name.
    """
    state = saved['optimizer']
    if saved.get('format') == FORMAT:
        return state
    names = [name for name, p in model.named_parameters() if p.requires_grad]
    groups = [[n for n in names if model.get_parameter(n).dim() >= 2],
              [n for n in names if model.get_parameter(n).dim() < 2]]
    renumber, ours, theirs = {}, 0, 0
    for group in groups:
        for position, name in enumerate(sorted(group, key=_nanogpt_rank)):
            renumber[theirs + position] = ours + group.index(name)
        ours, theirs = ours + len(group), theirs + len(group)
    if sorted(renumber) != sorted(i for g in state['param_groups'] for i in g['params']):
        return state  # another layout than nanoGPT's two groups: let torch report the mismatch
    return {'state': {renumber[i]: v for i, v in state['state'].items()},
            'param_groups': [dict(g, params=sorted(renumber[i] for i in g['params'])) for g in state['param_groups']]}


def run_payload(session, rng_states):
    """What a checkpoint holds: nanoGPT's six keys, then what a bit-exact resume needs besides."""
    s, c = session, session.counters
    return {
        'format': FORMAT,
        'model': s.model.state_dict(),
        'optimizer': s.optimizer.state_dict(),
        'model_args': s.model_args,
        'iter_num': c.iter_num,
        'best_val_loss': c.best_val_loss,
        'config': to_dict(s.cfg),
        'rng': rng_states,  # one entry per rank
        'sampler': s.data.batches.state(),
        'scaler': s.scaler.state_dict() if s.scaler.is_enabled() else {},
        'tokens_seen': c.tokens_seen,
        'running_mfu': c.running_mfu,
        'running_mfu_device': c.running_mfu_device,
        'world_size': s.rt.world_size,
    }


# --- RNG states --------------------------------------------------------------------
# Only torch's generators affect training here (dropout; batches come from their
# own counter-seeded generators, see batches.py). numpy and python `random` are
# saved anyway so that user code hooked into the loop also resumes exactly.

def capture_rng_state():
    """This process's RNG states as tensors and plain lists (weights_only-loadable)."""
    kind, keys, pos, has_gauss, cached = np.random.get_state()
    version, internal, gauss_next = random.getstate()
    state = {
        'torch': torch.get_rng_state(),
        'numpy': {'kind': str(kind), 'keys': torch.from_numpy(np.asarray(keys, dtype=np.int64)),
                  'pos': int(pos), 'has_gauss': int(has_gauss), 'cached_gaussian': float(cached)},
        'python': {'version': int(version), 'internal': [int(x) for x in internal], 'gauss_next': gauss_next},
    }
    if torch.cuda.is_available() and torch.cuda.is_initialized():
        state['cuda'] = torch.cuda.get_rng_state()  # the current device's generator
    return state


def restore_rng_state(state):
    """Inverse of capture_rng_state(); missing parts are left alone."""
    if 'torch' in state:
        torch.set_rng_state(state['torch'].cpu())
    if 'cuda' in state and torch.cuda.is_available():
        torch.cuda.set_rng_state(state['cuda'].cpu())
    if 'numpy' in state:
        n = state['numpy']
        np.random.set_state((n['kind'], n['keys'].cpu().numpy().astype(np.uint32), n['pos'], n['has_gauss'],
                             n['cached_gaussian']))
    if 'python' in state:
        p = state['python']
        random.setstate((p['version'], tuple(p['internal']), p['gauss_next']))
