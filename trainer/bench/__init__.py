"""Every benchmark of the project, in one package: `make bench` / `python -m trainer bench`.

    registry.py      the @bench registry, BenchOptions, BenchError
    cli.py           the command: runs entries, writes bench/results.md
    harness.py       trainer runs in fresh processes, their timings, the machine line
    speed.py         cpu-recipe, shakespeare-char-6x384: nanoGPT's settings vs ours on this CPU
    step_profile.py  where one training step's time goes (torch profiler)
    speedrun.py      cpu-speedrun: wall time to a val loss
    analyzer.py      analyzer: a 600,000-iteration log through trainer.analyze.analyze()
    site.py          gallery-warm, docs-build: the site's two build steps
    nanogpt.py       vs-nanogpt: a user's nanoGPT checkout against our trainer (--nanogpt PATH)

The analyzer package never imports this one (analyze/ stays clear of torch and
the training code); the analyzer entry runs it in a subprocess through its
public analyze() instead.
"""
from trainer.bench.registry import BENCHES, BenchError, BenchOptions, bench

__all__ = ['BENCHES', 'BenchError', 'BenchOptions', 'bench']
