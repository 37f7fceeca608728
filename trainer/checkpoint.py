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
import tempfile

import numpy as np
import torch

CKPT_NAME = 'ckpt.pt'
FORMAT = 'plateau-ckpt-1'  # nanoGPT's own checkpoints have no 'format' key; we load those too


class CheckpointError(RuntimeError):
    """A checkpoint that is missing, unreadable or does not fit the run; printed as `error: ...`."""


def ckpt_path(out_dir):
    return os.path.join(out_dir, CKPT_NAME)


def save(obj, path):
    """torch.save `obj` to `path` atomically: temp file in the same directory, fsync, rename.

    The temp file must live in the same directory (same filesystem) for
    os.replace to be an atomic rename; the directory is fsync'ed too so the
    rename itself survives a power cut, not just a SIGKILL.
    """
    directory = os.path.dirname(os.path.abspath(path))
    fd, tmp = tempfile.mkstemp(prefix='.' + os.path.basename(path) + '.', suffix='.tmp', dir=directory)
    try:
        with os.fdopen(fd, 'wb') as f:
            torch.save(obj, f)
            f.flush()
            os.fsync(f.fileno())
        os.replace(tmp, path)
    except BaseException:
        # includes KeyboardInterrupt: never leave a half-written temp file behind
        try:
            os.unlink(tmp)
        except FileNotFoundError:
            pass
        raise
    try:
        dir_fd = os.open(directory, os.O_RDONLY)
    except OSError:
        return  # some platforms cannot open directories; the rename is still atomic
    try:
        os.fsync(dir_fd)
    except OSError:
        pass
    finally:
        os.close(dir_fd)


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
    """Strip the prefixes torch.compile (`_orig_mod.`) and DDP (`module.`) add to parameter names.

    nanoGPT only strips `_orig_mod.` ("honestly no idea how checkpoints sometimes
    get this prefix"); a model saved from inside DDP has `module.` as well.
    """
    out = {}
    for k, v in state_dict.items():
        changed = True
        while changed:
            changed = False
            for prefix in ('_orig_mod.', 'module.'):
                if k.startswith(prefix):
                    k, changed = k[len(prefix):], True
        out[k] = v
    return out


# --- RNG states --------------------------------------------------------------------
# Only torch's generators affect training here (dropout; batches come from their
# own counter-seeded generators, see train.py). numpy and python `random` are
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
