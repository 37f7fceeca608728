"""`python -m trainer {train,prepare,analyze,bench}` (also the `plateau` console script).

Only dispatch lives here: each subcommand parses its own arguments, and its
module is imported lazily so `plateau analyze` never pays for importing torch.
"""
import sys

USAGE = """usage: plateau {train,prepare,analyze,bench} [args...]

  train    [CONFIG.py] [--key=value ...]   train a GPT, nanoGPT style
  prepare  NAME [--data_dir=DIR] ...       write nanoGPT-format train.bin/val.bin
  analyze  LOG [options]                   diagnose a nanoGPT-style training log
  bench    [--out FILE] [--nanogpt PATH]   run the benchmarks, write a results table

Run `plateau COMMAND --help` for the options of one command."""

COMMANDS = {
    "train": "trainer.train",
    "prepare": "trainer.data.prepare",
    "analyze": "trainer.analyze.cli",
    "bench": "trainer.bench.cli",
}


def main(argv=None):
    argv = list(sys.argv[1:] if argv is None else argv)
    if not argv or argv[0] in ("-h", "--help", "help"):
        print(USAGE)
        return 0
    command, rest = argv[0], argv[1:]
    if command not in COMMANDS:
        print(f"plateau: unknown command {command!r}\n\n{USAGE}", file=sys.stderr)
        return 2
    import importlib
    module = importlib.import_module(COMMANDS[command])
    return module.main(rest)
