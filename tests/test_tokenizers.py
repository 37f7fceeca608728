"""Tokenizers. The GPT-2 tests fetch the openai-whisper sdist from PyPI once (about 0.8 MB)
and keep the verified ranks in the user cache; later runs are offline."""
import hashlib
import os
import subprocess
import sys

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from trainer.data import DataError, tokenizers
from trainer.data.tokenizers import EOT, CharVocab

TRICKY = ("First Citizen:\nBefore we proceed any further, hear me speak.\n\nAll:\nSpeak, speak.\n\n\n"
          "  indented\n\ttab\n \n'tis 'll 've 42x 3.14\n\n\nEnd\n \nA\nB\n\n")


# ---------------------------------------------------------------------------- characters

def test_char_vocab_matches_nanogpt():
    text = "hello, World!\nÆsop — 漢字"
    chars = sorted(list(set(text)))  # nanoGPT: chars = sorted(list(set(data)))
    stoi = {ch: i for i, ch in enumerate(chars)}
    vocab = CharVocab.from_text(text[:5], text[5:])
    assert vocab.chars == chars
    assert vocab.encode(text).tolist() == [stoi[c] for c in text]
    assert vocab.encode(text).dtype == np.uint16
    assert vocab.decode(vocab.encode(text)) == text
    assert vocab.meta() == {'vocab_size': len(chars), 'itos': dict(enumerate(chars)), 'stoi': stoi}
    assert CharVocab.from_meta(vocab.meta()).chars == chars


def test_char_encode_in_chunks_equals_whole():
    text = "abcab\ncba" * 100
    vocab = CharVocab.from_text(text)
    assert vocab.encode(text, chunk=7).tolist() == vocab.encode(text).tolist()


def test_char_not_in_vocab():
    with pytest.raises(DataError, match="character 'z' is not in the vocabulary"):
        CharVocab.from_text("abc").encode("abz")
    with pytest.raises(DataError):
        CharVocab.from_text("abc").encode("\U0010ffff")  # above every code in the table


# ---------------------------------------------------------------------------- GPT-2

@pytest.fixture(scope='module')
def offline_gpt2():
    return tokenizers.gpt2_encoding_offline()


def test_offline_gpt2_hello_world(offline_gpt2):
    enc = offline_gpt2
    assert enc.name == 'gpt2' and enc.n_vocab == 50257 and enc.eot_token == EOT
    assert enc.encode("Hello world") == [15496, 995]
    assert enc.decode(enc.encode(TRICKY)) == TRICKY
    assert enc.encode("<|endoftext|>", allowed_special='all') == [EOT]
    assert enc.encode_ordinary("a\n\nb") == [64, 198, 198, 65] and enc.encode_ordinary("a\n\n") == [64, 628]


def test_ranks_are_cached_and_verified():
    path = os.path.join(tokenizers.cache_dir(), 'gpt2.tiktoken')
    data = tokenizers.gpt2_ranks()
    assert os.path.exists(path)
    assert hashlib.sha256(data).hexdigest() == tokenizers.R50K_SHA256
    assert len(tokenizers.parse_ranks(data)) == 50256  # 256 bytes + 50,000 merges; EOT is special


def test_falls_back_when_tiktoken_cannot_download(monkeypatch):
    def no_network():
        raise ConnectionError("no route to openaipublic.blob.core.windows.net")
    monkeypatch.setattr(tokenizers, '_gpt2_online', no_network)
    tokenizers.gpt2_encoding.cache_clear()
    try:
        from trainer.data import gpt2_encoding
        enc = gpt2_encoding()
        assert enc.encode("Hello world") == [15496, 995]
        assert enc.decode([15496, 995]) == "Hello world"
    finally:
        tokenizers.gpt2_encoding.cache_clear()


def test_offline_process_and_seeded_tiktoken_cache(tmp_path):
    """A fresh process whose HTTPS goes nowhere still gets GPT-2, and so does tiktoken's r50k_base."""
    tokenizers.gpt2_ranks()  # make sure the ranks are cached (the child must not need PyPI)
    env = dict(os.environ, HTTPS_PROXY='http://127.0.0.1:9', HTTP_PROXY='http://127.0.0.1:9',
               https_proxy='http://127.0.0.1:9', http_proxy='http://127.0.0.1:9', NO_PROXY='', no_proxy='',
               TIKTOKEN_CACHE_DIR=str(tmp_path / 'tiktoken'))
    code = ("from trainer.data import gpt2_encoding; import tiktoken;"
            "print(gpt2_encoding().encode('Hello world'), tiktoken.get_encoding('r50k_base').encode('Hello world'))")
    proc = subprocess.run([sys.executable, '-c', code], env=env, capture_output=True, text=True, timeout=120)
    assert proc.returncode == 0, proc.stderr
    assert proc.stdout.strip() == '[15496, 995] [15496, 995]'
    seeded = tmp_path / 'tiktoken' / hashlib.sha1(tokenizers.R50K_URL.encode()).hexdigest()
    assert hashlib.sha256(seeded.read_bytes()).hexdigest() == tokenizers.R50K_SHA256


def test_chunked_encoding_equals_whole(offline_gpt2):
    text = (TRICKY * 50) + "no newline at the end"
    chunks = list(tokenizers.safe_chunks(text, size=37))
    assert len(chunks) > 10 and ''.join(chunks) == text
    whole = offline_gpt2.encode_ordinary(text)
    assert tokenizers.encode_text(offline_gpt2, text).tolist() == whole
    assert [t for c in chunks for t in offline_gpt2.encode_ordinary(c)] == whole


@settings(max_examples=150, deadline=None)
@given(st.lists(st.sampled_from(['\n', ' ', '  ', '\t', 'a', 'Zz', "'s", '7', '.', '!?', 'é', '\r\n', '\n\n']),
                max_size=60), st.integers(1, 12))
def test_safe_cuts_never_change_tokens(offline_gpt2, parts, size):
    text = ''.join(parts)
    whole = offline_gpt2.encode_ordinary(text)
    assert [t for c in tokenizers.safe_chunks(text, size) for t in offline_gpt2.encode_ordinary(c)] == whole


def test_encode_documents_appends_eot(offline_gpt2):
    docs = tokenizers.encode_documents(offline_gpt2, ["Hello world", "Hi"])
    assert [d.tolist() for d in docs] == [[15496, 995, EOT], offline_gpt2.encode_ordinary("Hi") + [EOT]]
    assert all(d.dtype == np.uint16 for d in docs)
