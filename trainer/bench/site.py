"""Benchmarks of the site's two build steps, registered with `plateau bench`.

- gallery-warm: `python -m trainer.gallery run` when nothing is stale. The
  gallery issue's target is <= 3 s, and the tree must stay clean.
- docs-build: `mkdocs build --strict` of all four languages into a scratch
  folder. The site issue's target is <= 15 s on 2 cores.
Each is timed as a fresh subprocess (imports included, as a user runs it),
median of 3.
"""
import os
import statistics
import subprocess
import sys
import tempfile
import time

from trainer.bench.registry import BenchError, bench

GALLERY_WARM_TARGET_S = 3.0
DOCS_BUILD_TARGET_S = 15.0
REPO = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))  # trainer/bench/ -> repo


def _timed(cmd, repeats):
    times = []
    for _ in range(repeats):
        t0 = time.perf_counter()
        proc = subprocess.run(cmd, cwd=REPO, capture_output=True, text=True)
        times.append(time.perf_counter() - t0)
        if proc.returncode != 0:
            tail = (proc.stdout + proc.stderr).strip().splitlines()[-5:]
            raise BenchError(f"{' '.join(cmd)} failed (exit {proc.returncode}): " + ' | '.join(tail))
    return times


def _git_status():
    out = subprocess.run(['git', 'status', '--porcelain'], cwd=REPO, capture_output=True, text=True)
    return out.stdout if out.returncode == 0 else None


def _section(what, cmd, times, target, extra=''):
    med = statistics.median(times)
    verdict = 'meets' if med <= target else 'misses'
    return (f"{what}, median of {len(times)} fresh processes. Target: <= {target:.0f} s.\n\n"
            f"| command | runs | median | min | max |\n|---|---:|---:|---:|---:|\n"
            f"| `{cmd}` | {len(times)} | {med:.2f} s | {min(times):.2f} s | {max(times):.2f} s |\n\n"
            f"It {verdict} the target.{extra}\n")


@bench('gallery-warm')
def gallery_warm(opts):
    cmd = [sys.executable, '-m', 'trainer.gallery', 'run', '--no-progress']
    before = _git_status()
    times = _timed(cmd, 1 if opts.quick else 3)
    after = _git_status()
    clean = '' if before is None else (' The git tree was the same before and after.' if before == after
                                       else ' The git tree CHANGED: something was stale.')
    return _section('`make figures` with nothing stale (every experiment fresh)', 'python -m trainer.gallery run',
                    times, GALLERY_WARM_TARGET_S, clean)


@bench('docs-build')
def docs_build(opts):
    with tempfile.TemporaryDirectory(dir=opts.work_dir or None, prefix='site-') as site:
        cmd = [sys.executable, '-m', 'mkdocs', 'build', '--strict', '--quiet', '--site-dir', site]
        times = _timed(cmd, 1 if opts.quick else 3)
    return _section('Strict build of the site in all four languages (en, es, fr, zh-Hant)',
                    'mkdocs build --strict', times, DOCS_BUILD_TARGET_S)
