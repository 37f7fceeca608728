"""Tokenizers: nanoGPT's character vocabulary, and GPT-2 BPE through tiktoken, also offline.

GPT-2 offline. `tiktoken.get_encoding("gpt2")` downloads vocab.bpe and
encoder.json from openaipublic.blob.core.windows.net on first use, so on a
machine without that host it fails. The merge ranks it builds are byte-identical
to tiktoken's own `r50k_base.tiktoken` (sha256 306cd27f...), and that file ships
on PyPI inside the openai-whisper sdist as whisper/assets/gpt2.tiktoken. So when
the online path fails we pip-download that sdist once, take that one member,
check its sha256, keep it in the user cache, seed tiktoken's cache with it (so
`tiktoken.get_encoding("r50k_base")` works offline too), and build the "gpt2"
Encoding from it with tiktoken's own GPT-2 regex. The ranks are never vendored.
"""
import base64
import concurrent.futures
import functools
import os
import re
import socket
import tempfile

import numpy as np

from trainer.atomic import write_atomic
from trainer.data import DataError, cache_dir, fetch_sdist, read_member, sha256_bytes
from trainer.data.bins import DTYPE, char_meta

EOT = 50256  # <|endoftext|>, the only special token GPT-2 has
GPT2_VOCAB = 50257
R50K_SHA256 = '306cd27f03c1a714eca7108e03d66b7dc042abe8c258b44c199a7ed9838dd930'
R50K_URL = 'https://openaipublic.blob.core.windows.net/encodings/r50k_base.tiktoken'  # tiktoken's cache key
# The sdist that carries the ranks; pinned, and checked by pip before it is unpacked.
WHISPER_SDIST = ('openai-whisper', '20250625', '37a91a3921809d9f44748ffc73c0a55c9f366c85a3ef5c2ae0cc09540432eb96')
WHISPER_MEMBER = 'whisper/assets/gpt2.tiktoken'
ONLINE_TIMEOUT_S = 10  # a firewall that drops packets must not hang prepare forever


def progress_bar(**kw):
    from tqdm import tqdm
    return tqdm(disable=None, **kw)  # disable=None: bars on a terminal, silence in logs and CI


# ---------------------------------------------------------------------------- characters

class CharVocab:
    """nanoGPT's char-level vocabulary: the sorted set of characters, id = rank."""

    def __init__(self, chars):
        self.chars = list(chars)
        if len(self.chars) > np.iinfo(DTYPE).max + 1:
            raise DataError(f"{len(self.chars):,} distinct characters do not fit uint16 ids; use --tokenizer=gpt2")
        self._codes = np.array([ord(c) for c in self.chars], dtype=np.uint32)

    @classmethod
    def from_text(cls, *texts):
        return cls(sorted(set().union(*map(set, texts))))

    @classmethod
    def from_meta(cls, meta):
        itos = meta['itos']
        return cls([itos[i] for i in range(len(itos))])

    @property
    def vocab_size(self):
        return len(self.chars)

    def meta(self):
        return char_meta(self.chars)

    def encode(self, text, chunk=1 << 24):
        """Same ids as nanoGPT's `[stoi[c] for c in s]`, via a sorted-table lookup in numpy."""
        out = np.empty(len(text), dtype=DTYPE)
        for start in range(0, len(text), chunk):
            codes = np.frombuffer(text[start:start + chunk].encode('utf-32-le'), dtype='<u4')
            ids = np.searchsorted(self._codes, codes)
            bad = (ids >= len(self._codes)) | (self._codes[np.minimum(ids, len(self._codes) - 1)] != codes)
            if bad.any():
                c = chr(codes[np.argmax(bad)])
                raise DataError(f"character {c!r} is not in the vocabulary")
            out[start:start + len(codes)] = ids
        return out

    def decode(self, ids):
        return ''.join(self.chars[i] for i in ids)


# ---------------------------------------------------------------------------- GPT-2 BPE

@functools.lru_cache(maxsize=1)
def gpt2_encoding():
    """tiktoken's "gpt2" Encoding: tiktoken's own download when it works, else the PyPI copy."""
    try:
        return _gpt2_online()
    except Exception:  # noqa: BLE001 - requests/OSError/ValueError/ImportError all mean "not this way"
        return gpt2_encoding_offline()


def _gpt2_online():
    import tiktoken
    previous = socket.getdefaulttimeout()
    socket.setdefaulttimeout(ONLINE_TIMEOUT_S)  # requests passes no timeout; urllib3 falls back to this
    try:
        return tiktoken.get_encoding('gpt2')
    finally:
        socket.setdefaulttimeout(previous)


def gpt2_encoding_offline():
    """The GPT-2 Encoding built from the verified ranks file; needs PyPI only the first time."""
    import tiktoken
    from tiktoken_ext.openai_public import r50k_pat_str
    data = gpt2_ranks()
    seed_tiktoken_cache(data)
    return tiktoken.Encoding(name='gpt2', pat_str=r50k_pat_str, mergeable_ranks=parse_ranks(data),
                             special_tokens={'<|endoftext|>': EOT}, explicit_n_vocab=GPT2_VOCAB)


def parse_ranks(data):
    """tiktoken's .tiktoken format: one `base64(token bytes) rank` per line."""
    return {base64.b64decode(tok): int(rank) for tok, rank in (line.split() for line in data.splitlines() if line)}


def gpt2_ranks():
    """Bytes of the verified GPT-2 (= r50k_base) ranks file, from the cache or PyPI."""
    path = os.path.join(cache_dir(), 'gpt2.tiktoken')
    if os.path.exists(path):
        with open(path, 'rb') as f:
            data = f.read()
        if sha256_bytes(data) == R50K_SHA256:
            return data
    data = read_member(fetch_sdist(*WHISPER_SDIST), WHISPER_MEMBER)
    if sha256_bytes(data) != R50K_SHA256:
        raise DataError(f"{WHISPER_MEMBER} in {'=='.join(WHISPER_SDIST[:2])} does not have the sha256 of "
                        f"GPT-2's ranks ({R50K_SHA256})")
    write_atomic(path, data)
    return data


def seed_tiktoken_cache(data):
    """Put the ranks where tiktoken looks for r50k_base, so tiktoken itself works offline.

    tiktoken caches a download under sha1(url) in $TIKTOKEN_CACHE_DIR, else
    $DATA_GYM_CACHE_DIR, else <tmp>/data-gym-cache (an empty value turns caching off).
    """
    import hashlib
    folder = os.environ.get('TIKTOKEN_CACHE_DIR', os.environ.get('DATA_GYM_CACHE_DIR'))
    if folder is None:
        folder = os.path.join(tempfile.gettempdir(), 'data-gym-cache')
    if not folder:
        return None
    path = os.path.join(folder, hashlib.sha1(R50K_URL.encode()).hexdigest())
    if os.path.exists(path) and os.path.getsize(path) == len(data):
        return path  # tiktoken checks the hash itself when it reads the file
    try:
        os.makedirs(folder, exist_ok=True)
        write_atomic(path, data)
    except OSError:
        return None  # a read-only cache only costs tiktoken's own r50k_base; our Encoding does not need it
    return path


# Where a long text may be cut without changing GPT-2's tokens: right after a
# "\n" that has non-space on both sides. GPT-2's regex never joins a non-space
# character with following whitespace, a lone "\n" before non-space is its own
# pre-token either way (`\s` in the whole text, `\s++$` at a chunk's end), and
# the pre-tokens after the cut only look ahead. BPE merges never cross
# pre-tokens, so the chunks' ids concatenate to the whole text's ids.
_SAFE_CUT = re.compile(r'\S\n(?=\S)')


def safe_chunks(text, size=1 << 18):
    """Split text into pieces of about `size` characters that BPE-encode exactly like the whole."""
    start = 0
    while start < len(text):
        m = _SAFE_CUT.search(text, min(start + size, len(text)))
        end = m.end() if m else len(text)
        yield text[start:end]
        start = end


def encode_text(enc, text, desc='tokenizing'):
    """`enc.encode_ordinary(text)` as uint16, in parallel chunks with a progress bar."""
    chunks = list(safe_chunks(text))
    workers = max(1, min(8, os.cpu_count() or 1))
    with concurrent.futures.ThreadPoolExecutor(workers) as pool:  # tiktoken releases the GIL
        parts = list(progress_bar(iterable=pool.map(enc.encode_ordinary, chunks), total=len(chunks),
                               desc=desc, unit='chunk'))
    return np.concatenate([np.asarray(p, dtype=DTYPE) for p in parts]) if parts else np.empty(0, DTYPE)


def encode_documents(enc, texts):
    """Each document's ids followed by EOT, as nanoGPT's openwebtext prepare does (appended, not prepended)."""
    workers = max(1, min(8, os.cpu_count() or 1))
    out = [np.asarray(ids + [EOT], dtype=DTYPE) for ids in enc.encode_ordinary_batch(texts, num_threads=workers)]
    return out
