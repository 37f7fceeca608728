"""The analyzer's entry in `make bench`: a synthetic 600,000-iteration nanoGPT log.

It goes through the analyzer's public entry only, `trainer.analyze.analyze(path)`
and its runs' `codes()`, in a child process: the analyzer's internals may change
freely, and the analyzer package never imports the benchmarks.

Target (issue 3): analyze it in <= 2 s with flat memory. Each size is measured
in a fresh Python process (imports done before the clock starts; the file is
in the page cache after the first of three runs, and the median is reported).
Memory is reported twice: the process's peak RSS growth over its size after
imports, and the peak of Python allocations (tracemalloc, in a separate run
because tracing slows everything down). The text of the log is never held:
memory grows with the number of iterations (4 numbers of 8 bytes each), not
with the size of the file.
"""
import json
import os
import subprocess
import sys
import tempfile

from trainer.synthetic_log import write_synthetic_nanogpt_log
from trainer.bench.registry import BenchError, bench

TARGET_S = 2.0

_MEASURE = r"""
import json, resource, sys, time, tracemalloc
from trainer.analyze import analyze

def rss_mb():
    with open('/proc/self/status') as f:
        for line in f:
            if line.startswith('VmRSS:'):
                return int(line.split()[1]) / 1024
    return float('nan')

path, trace = sys.argv[1], sys.argv[2] == 'trace'
if trace:
    tracemalloc.start()
    analyze(path)
    print(json.dumps({'traced_peak_mb': tracemalloc.get_traced_memory()[1] / 2**20}))
else:
    import numpy  # imported by analyze anyway; keep it out of the timing
    base = rss_mb()
    times = []
    for _ in range(3):
        t0 = time.perf_counter()
        a = analyze(path)
        times.append(time.perf_counter() - t0)
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print(json.dumps({'seconds': sorted(times)[1], 'rss_base_mb': base, 'rss_peak_mb': peak,
                      'codes': a.runs[0].codes()}))
"""


def measure(path, trace=False):
    proc = subprocess.run([sys.executable, "-c", _MEASURE, path, "trace" if trace else "time"],
                          capture_output=True, text=True, timeout=600)
    if proc.returncode != 0:
        raise BenchError(f"analyzer benchmark failed: {proc.stderr.strip().splitlines()[-1:] or proc.returncode}")
    return json.loads(proc.stdout.strip().splitlines()[-1])


def run_sizes(sizes, work_dir):
    rows = []
    for n in sizes:
        path = os.path.join(work_dir, f"synthetic-nanogpt-{n}.log")
        write_synthetic_nanogpt_log(path, n)
        timed = measure(path)
        traced = measure(path, trace=True)
        rows.append(dict(n=n, mb=os.path.getsize(path) / 1e6, **timed, **traced))
    return rows


@bench("analyzer")
def analyzer_bench(opts):
    sizes = (60_000,) if opts.quick else (60_000, 600_000)
    with tempfile.TemporaryDirectory(dir=opts.work_dir or None, prefix="analyzer-") as work:
        rows = run_sizes(sizes, work)
    lines = [f"`analyze()` on a synthetic nanoGPT log (GPT-2 124M defaults: log_interval 1, eval every 2,000), "
             f"median of 3 runs in a fresh process. Target: <= {TARGET_S:.0f} s for 600,000 iterations, flat memory.",
             "", "| iterations | file | time | peak RSS growth | peak Python allocations | findings |",
             "|---:|---:|---:|---:|---:|:---|"]
    for r in rows:
        lines.append(f"| {r['n']:,} | {r['mb']:.1f} MB | {r['seconds'] * 1000:,.0f} ms | "
                     f"{r['rss_peak_mb'] - r['rss_base_mb']:.1f} MB | {r['traced_peak_mb']:.1f} MB | "
                     f"{', '.join(r['codes'])} |")
    last = rows[-1]
    verdict = "meets" if last["seconds"] <= TARGET_S else "misses"
    lines += ["", f"The largest log {verdict} the {TARGET_S:.0f} s target ({last['seconds']:.2f} s). Memory holds "
              f"numbers, not text: about 32 bytes per logged iteration, so the {last['mb']:.0f} MB file needs "
              f"~{last['traced_peak_mb']:.0f} MB of Python allocations at its peak."]
    return "\n".join(lines) + "\n"
