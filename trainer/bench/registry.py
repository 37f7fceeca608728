"""The benchmark registry: a name, a function that returns one markdown section, and what it needs.

Entries register with `@bench('name')` when their module is imported;
trainer/bench/cli.py imports them all and writes the sections, in registry
order, into one results file (bench/results.md).
"""
import dataclasses
import os

BENCHES = {}     # name -> fn(opts: BenchOptions) -> markdown section body
NEEDS_DATA = set()  # names of entries that train on the shakespeare_char data


def bench(name, needs_data=False):
    """Register `fn(opts: BenchOptions) -> str` under `name`."""
    def register(fn):
        BENCHES[name] = fn
        if needs_data:
            NEEDS_DATA.add(name)
        return fn
    return register


@dataclasses.dataclass
class BenchOptions:
    data_dir: str = os.path.join('data', 'shakespeare_char')  # `python -m trainer prepare shakespeare_char`
    work_dir: str = ''  # scratch space for run outputs (a temp dir when empty)
    quick: bool = False  # fewer iterations: a smoke test of the harness, not a measurement
    nanogpt: str = ''  # a nanoGPT checkout, for vs-nanogpt
    bpe_data_dir: str = os.path.join('data', 'shakespeare')  # GPT-2 BPE tokens, for vs-nanogpt's GPT-2 row


class BenchError(RuntimeError):
    """A benchmark cannot run (missing data, a failed run); printed as `error: ...`."""
