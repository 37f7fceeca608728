"""nanoGPT's data files: headerless uint16 `train.bin`/`val.bin`, and `meta.pkl` at char level.

These are the exact files nanoGPT's prepare.py scripts write, so nanoGPT can
train on ours and we read nanoGPT's unchanged:
  - `{split}.bin` is the token ids as raw little-endian uint16, no header
    (llm.c's FineWeb shards, by contrast, start with a 256 x int32 header);
  - `meta.pkl` is a pickle of {'vocab_size': int, 'itos': {int: str}, 'stoi': {str: int}}.

A pickle can run code when loaded, so meta.pkl is read with an unpickler whose
find_class refuses every global: plain dicts, ints and strs need none, and a
file that asks for anything else is rejected instead of executed.

Everything is written atomically: temp files next to the targets, renamed into
place only after every one of them is complete (`Outputs`).
"""
import io
import os
import pickle

import numpy as np

from trainer.atomic import temp_name

SPLITS = ('train', 'val')
META = 'meta.pkl'
DTYPE = np.uint16  # nanoGPT's choice: GPT-2's 50257 ids fit, and it halves the file vs int32
PREPARE_HINT = "create it with `python -m trainer prepare shakespeare_char` (or another corpus; see --help)"


class DataError(ValueError):
    """Missing or malformed data; the CLIs print it as one `error: ...` line and exit 2."""


def bin_path(data_dir, split):
    if split not in SPLITS:
        raise DataError(f"unknown split {split!r}; expected one of {', '.join(SPLITS)}")
    return os.path.join(data_dir, f'{split}.bin')


def _missing(data_dir, path):
    if not os.path.isdir(data_dir):
        return DataError(f"data directory {data_dir} not found; {PREPARE_HINT}")
    return DataError(f"{path} not found; {PREPARE_HINT}")


def open_split(data_dir, split):
    """The split's tokens as a read-only uint16 memmap.

    Cheap enough to call per batch, as nanoGPT's get_batch does (re-opening the
    memmap every time avoids its memory leak): the checks only run on failure.
    """
    path = bin_path(data_dir, split)
    try:
        return np.memmap(path, dtype=DTYPE, mode='r')
    except FileNotFoundError:
        raise _missing(data_dir, path) from None
    except (OSError, ValueError) as e:
        # numpy's wording for the two usual causes is obscure; say what is wrong with the file
        size = os.path.getsize(path) if os.path.isfile(path) else None
        if size == 0:
            why = "it is empty"
        elif size is not None and size % 2:
            why = f"its size ({size} bytes) is not a whole number of uint16 tokens"
        else:
            why = str(e)
        raise DataError(f"cannot read {path}: {why}") from None


def split_tokens(data_dir, split):
    """Number of tokens in the split, from the file size alone (no mapping)."""
    path = bin_path(data_dir, split)
    try:
        size = os.path.getsize(path)
    except FileNotFoundError:
        raise _missing(data_dir, path) from None
    if size % 2:
        raise DataError(f"cannot read {path}: its size ({size} bytes) is not a whole number of uint16 tokens")
    return size // 2


class _MetaUnpickler(pickle.Unpickler):
    def find_class(self, module, name):
        raise DataError(f"refusing to load {module}.{name}: meta.pkl may only hold dicts, ints and strings")


def parse_meta(data, source=META):
    """Decode meta.pkl bytes without running code, and check nanoGPT's layout."""
    try:
        meta = _MetaUnpickler(io.BytesIO(data)).load()
    except DataError as e:
        raise DataError(f"{source}: {e}") from None
    except Exception as e:  # truncated or not a pickle: any of a dozen exception types
        raise DataError(f"{source} is not a readable pickle ({type(e).__name__}: {e})") from None
    if not isinstance(meta, dict) or not isinstance(meta.get('vocab_size'), int) or meta['vocab_size'] <= 0:
        raise DataError(f"{source} has no positive integer 'vocab_size'; expected nanoGPT's "
                        "{'vocab_size': int, 'itos': {...}, 'stoi': {...}}")
    for key, kt, vt in (('itos', int, str), ('stoi', str, int)):
        table = meta.get(key)
        if table is None:
            continue  # nanoGPT itself only needs vocab_size
        if not isinstance(table, dict) or not all(isinstance(k, kt) and isinstance(v, vt) for k, v in table.items()):
            raise DataError(f"{source}: '{key}' must map {kt.__name__} to {vt.__name__}")
    return meta


def read_meta(data_dir):
    """meta.pkl's dict, or None when the directory has none (a GPT-2 BPE dataset)."""
    path = os.path.join(data_dir, META)
    try:
        with open(path, 'rb') as f:
            data = f.read()
    except FileNotFoundError:
        return None
    return parse_meta(data, path)


def char_meta(chars):
    """nanoGPT's meta dict for a sorted character list."""
    return {'vocab_size': len(chars), 'itos': dict(enumerate(chars)), 'stoi': {c: i for i, c in enumerate(chars)}}


def as_tokens(ids):
    """ids as uint16, refusing ids that would silently wrap around."""
    ids = np.asarray(ids)
    if ids.dtype == DTYPE:
        return ids
    if ids.size and (ids.min() < 0 or ids.max() > np.iinfo(DTYPE).max):
        raise DataError(f"token id {int(ids.max())} does not fit in uint16; nanoGPT's .bin format needs vocab <= 65536")
    return ids.astype(DTYPE)


class Outputs:
    """Temp files in one directory, renamed onto their final names together.

    `path(name)` hands out a temp path for `name`; `commit(remove=...)` first
    deletes stale files (a BPE dataset must not keep an old char meta.pkl), then
    renames every temp file into place. On an exception inside the `with`,
    the temp files are deleted and the old outputs stay as they were.
    """

    def __init__(self, directory):
        self.directory = directory
        self.tmp = {}

    def __enter__(self):
        os.makedirs(self.directory, exist_ok=True)
        return self

    def path(self, name):
        if name not in self.tmp:
            self.tmp[name] = temp_name(os.path.join(self.directory, name))
        return self.tmp[name]

    def commit(self, remove=()):
        for name in remove:
            target = os.path.join(self.directory, name)
            if name not in self.tmp and os.path.exists(target):
                os.remove(target)
        for name, tmp in self.tmp.items():
            os.replace(tmp, os.path.join(self.directory, name))
        self.tmp = {}

    def __exit__(self, *exc):
        for tmp in self.tmp.values():
            if os.path.exists(tmp):
                os.remove(tmp)
        self.tmp = {}
        return False


def write_tokens(path, ids):
    as_tokens(ids).tofile(path)


def write_meta(path, meta):
    with open(path, 'wb') as f:
        pickle.dump(meta, f)
