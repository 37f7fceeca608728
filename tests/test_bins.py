import os
import pickle

import numpy as np
import pytest

from trainer.data import bins
from trainer.data.bins import DataError


def nanogpt_write(data_dir, train, val, chars=None):
    """What nanoGPT's prepare.py scripts do, verbatim in spirit: tofile and pickle.dump."""
    os.makedirs(data_dir, exist_ok=True)
    np.array(train, dtype=np.uint16).tofile(os.path.join(data_dir, 'train.bin'))
    np.array(val, dtype=np.uint16).tofile(os.path.join(data_dir, 'val.bin'))
    if chars is not None:
        meta = {'vocab_size': len(chars), 'itos': {i: ch for i, ch in enumerate(chars)},
                'stoi': {ch: i for i, ch in enumerate(chars)}}
        with open(os.path.join(data_dir, 'meta.pkl'), 'wb') as f:
            pickle.dump(meta, f)


def test_reads_nanogpt_files_unchanged(tmp_path):
    nanogpt_write(tmp_path, [5, 0, 65535, 7], [1, 2], chars=sorted(set("hello world")))
    train = bins.open_split(tmp_path, 'train')
    assert train.dtype == np.uint16 and list(train) == [5, 0, 65535, 7]
    assert not train.flags.writeable
    assert list(bins.open_split(tmp_path, 'val')) == [1, 2]
    assert bins.split_tokens(tmp_path, 'train') == 4 and bins.split_tokens(tmp_path, 'val') == 2
    meta = bins.read_meta(tmp_path)
    assert meta['vocab_size'] == 8 and meta['stoi']['h'] == 3 and meta['itos'][0] == ' '


def test_our_meta_is_byte_identical_to_nanogpts(tmp_path):
    chars = sorted(set("First Citizen:\nBefore we proceed"))
    nanogpt_write(tmp_path, [0], [0], chars=chars)
    bins.write_meta(tmp_path / 'ours.pkl', bins.char_meta(chars))
    assert (tmp_path / 'ours.pkl').read_bytes() == (tmp_path / 'meta.pkl').read_bytes()


def test_no_meta_means_gpt2(tmp_path):
    nanogpt_write(tmp_path, [1, 2, 3], [4])
    assert bins.read_meta(tmp_path) is None


def test_missing_dir_suggests_prepare(tmp_path):
    with pytest.raises(DataError, match=r"not found; create it with `python -m trainer prepare shakespeare_char`"):
        bins.open_split(tmp_path / 'nope', 'train')
    with pytest.raises(DataError, match="data directory"):
        bins.split_tokens(tmp_path / 'nope', 'val')


def test_missing_file_names_the_file(tmp_path):
    nanogpt_write(tmp_path, [1, 2], [3])
    os.remove(tmp_path / 'val.bin')
    with pytest.raises(DataError, match=r"val\.bin not found"):
        bins.open_split(tmp_path, 'val')


def test_empty_and_odd_sized_files(tmp_path):
    (tmp_path / 'train.bin').write_bytes(b'')
    (tmp_path / 'val.bin').write_bytes(b'\x01\x00\x02')
    with pytest.raises(DataError, match="it is empty"):
        bins.open_split(tmp_path, 'train')
    with pytest.raises(DataError, match=r"3 bytes\) is not a whole number"):
        bins.open_split(tmp_path, 'val')
    with pytest.raises(DataError, match="not a whole number"):
        bins.split_tokens(tmp_path, 'val')


def test_unknown_split(tmp_path):
    with pytest.raises(DataError, match="unknown split 'test'"):
        bins.open_split(tmp_path, 'test')


def test_data_error_is_a_value_error():
    # callers that already map ValueError to "error: ..." keep working
    assert issubclass(DataError, ValueError)


class _Sneaky:
    calls = []

    def __reduce__(self):
        return (_Sneaky.calls.append, ('ran',))


def test_meta_pickle_cannot_run_code(tmp_path):
    payload = {'vocab_size': 3, 'itos': {}, 'stoi': {}, 'x': _Sneaky()}
    (tmp_path / 'meta.pkl').write_bytes(pickle.dumps(payload))
    with pytest.raises(DataError, match="refusing to load"):
        bins.read_meta(tmp_path)
    assert _Sneaky.calls == []


@pytest.mark.parametrize('payload, message', [
    (b'not a pickle', 'not a readable pickle'),
    (pickle.dumps([1, 2, 3]), "no positive integer 'vocab_size'"),
    (pickle.dumps({'vocab_size': '65'}), "no positive integer 'vocab_size'"),
    (pickle.dumps({'vocab_size': 2, 'itos': {'a': 0}}), "'itos' must map int to str"),
    (pickle.dumps({'vocab_size': 2, 'stoi': {'a': 'b'}}), "'stoi' must map str to int"),
])
def test_malformed_meta(tmp_path, payload, message):
    (tmp_path / 'meta.pkl').write_bytes(payload)
    with pytest.raises(DataError, match=message):
        bins.read_meta(tmp_path)


def test_as_tokens_refuses_wraparound():
    assert bins.as_tokens([0, 65535]).dtype == np.uint16
    with pytest.raises(DataError, match="65536 does not fit"):
        bins.as_tokens([65536])
    with pytest.raises(DataError):
        bins.as_tokens([-1])


def test_outputs_commit_replaces_and_removes_stale(tmp_path):
    nanogpt_write(tmp_path, [1, 2, 3], [4], chars=['a', 'b'])
    with bins.Outputs(tmp_path) as out:
        bins.write_tokens(out.path('train.bin'), [9, 9])
        bins.write_tokens(out.path('val.bin'), [8])
        out.commit(remove=['meta.pkl'])
    assert list(bins.open_split(tmp_path, 'train')) == [9, 9]
    assert bins.read_meta(tmp_path) is None
    assert sorted(os.listdir(tmp_path)) == ['train.bin', 'val.bin']  # no temp files left


def test_outputs_failure_keeps_old_files(tmp_path):
    nanogpt_write(tmp_path, [1, 2, 3], [4], chars=['a', 'b'])
    before = {n: (tmp_path / n).read_bytes() for n in os.listdir(tmp_path)}
    with pytest.raises(RuntimeError):
        with bins.Outputs(tmp_path) as out:
            bins.write_tokens(out.path('train.bin'), [9, 9])
            raise RuntimeError('crash mid-prepare')
    assert {n: (tmp_path / n).read_bytes() for n in os.listdir(tmp_path)} == before
