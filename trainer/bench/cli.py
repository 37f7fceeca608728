"""`python -m trainer bench [--out bench/results.md] [--only NAME ...] [--nanogpt PATH]`.

Runs the registered benchmarks (all, or the --only ones) and writes their
sections into one markdown file, atomically. With --only or --nanogpt, the
sections of benchmarks not run this time are kept from the existing file.
vs-nanogpt needs a nanoGPT checkout, so it runs only when --nanogpt is given.
"""
import argparse
import importlib
import os
import re
import sys
import tempfile
import time

from trainer.atomic import write_atomic
from trainer.bench.registry import BENCHES, NEEDS_DATA, BenchError, BenchOptions

# imported for their @bench entries, in the order their sections appear
ENTRY_MODULES = ('trainer.bench.speed', 'trainer.bench.speedrun', 'trainer.bench.analyzer', 'trainer.bench.site',
                 'trainer.bench.nanogpt')
ON_REQUEST = ('vs-nanogpt',)  # not part of a plain `make bench`


def load_entries():
    for module in ENTRY_MODULES:
        importlib.import_module(module)


HEADER = ("Written by `make bench` (`python -m trainer bench`). Each section names the machine it ran on; "
          "`--only NAME` reruns one section and keeps the others as they were.")


def section_order():
    """Every registered name, by entry module in ENTRY_MODULES order, then in registration order
    (whatever imported the modules first); entries from elsewhere come last."""
    rank = {module: i for i, module in enumerate(ENTRY_MODULES)}
    return sorted(BENCHES, key=lambda name: rank.get(BENCHES[name].__module__, len(rank)))


def previous_sections(path):
    """{name: section text} of an existing results file, so a partial run replaces only its own sections."""
    try:
        with open(path, encoding='utf-8') as f:
            text = f.read()
    except OSError:
        return {}
    parts = re.split(r'^(?=## )', text, flags=re.M)[1:]
    return {part.split('\n', 1)[0][3:].strip(): part.rstrip() + '\n' for part in parts}


def collect(names, opts, previous=None):
    """The results file's text: a section per benchmark, in registry order; sections of benchmarks
    not run this time are kept from `previous` (what the file held before).

    Each section names the machine it was measured on, because a partial run (--only) keeps
    sections that another machine, or another day, produced."""
    from trainer.bench.harness import machine_summary
    sections = dict(previous or {})
    machine = machine_summary()
    for name in names:
        print(f"bench: {name} ...", flush=True)
        t0 = time.perf_counter()
        body = BENCHES[name](opts)
        print(f"bench: {name} done in {time.perf_counter() - t0:.0f} s", flush=True)
        sections[name] = f"## {name}\n\n{machine}\n\n{body.rstrip()}\n"
    order = [n for n in section_order() if n in sections] + [n for n in sections if n not in BENCHES]
    return "# Benchmarks\n\n" + HEADER + "\n\n" + "\n".join(sections[n] for n in order)


def build_parser():
    p = argparse.ArgumentParser(prog='plateau bench', description="Run the benchmarks; write a markdown table.")
    p.add_argument('--out', default=os.path.join('bench', 'results.md'), help="where to write (default %(default)s)")
    p.add_argument('--only', action='append', choices=sorted(BENCHES), metavar='NAME',
                   help="run only this benchmark (repeatable): " + ', '.join(sorted(BENCHES)))
    p.add_argument('--data_dir', default=BenchOptions.data_dir, help="shakespeare_char data (default %(default)s)")
    p.add_argument('--nanogpt', metavar='PATH', help="your nanoGPT checkout: time its train.py against ours")
    p.add_argument('--bpe_data_dir', default=BenchOptions.bpe_data_dir,
                   help="GPT-2 BPE data for --nanogpt's GPT-2 124M row on CUDA (default %(default)s)")
    p.add_argument('--quick', action='store_true', help="a few iterations only: checks the harness, not speed")
    return p


def main(argv=None):
    load_entries()
    args = build_parser().parse_args(argv)
    names = list(args.only or ([] if args.nanogpt else [n for n in section_order() if n not in ON_REQUEST]))
    if args.nanogpt and 'vs-nanogpt' not in names:
        names.append('vs-nanogpt')
    try:
        if 'vs-nanogpt' in names and not args.nanogpt:
            raise BenchError("vs-nanogpt needs --nanogpt PATH, the folder of your nanoGPT checkout")
        if any(n in NEEDS_DATA or n == 'vs-nanogpt' for n in names) and \
                not os.path.exists(os.path.join(args.data_dir, 'train.bin')):
            raise BenchError(f"no shakespeare_char data in {args.data_dir}; prepare it with "
                             f"`python -m trainer prepare shakespeare_char` (or pass --data_dir=DIR)")
        with tempfile.TemporaryDirectory(prefix='plateau-bench-') as work:
            opts = BenchOptions(data_dir=args.data_dir, work_dir=work, quick=args.quick, nanogpt=args.nanogpt or '',
                                bpe_data_dir=args.bpe_data_dir)
            partial = bool(args.only or args.nanogpt)
            text = collect(names, opts, previous_sections(args.out) if partial else None)
    except BenchError as e:
        print(f"error: {e}", file=sys.stderr)
        return 2
    try:
        os.makedirs(os.path.dirname(os.path.abspath(args.out)), exist_ok=True)  # bench/ on a fresh clone
        write_atomic(args.out, text)
    except OSError as e:
        print(f"error: cannot write {args.out}: {e}", file=sys.stderr)
        return 2
    print(f"wrote {args.out}")
    return 0
