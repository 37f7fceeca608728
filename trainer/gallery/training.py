"""Training an experiment's runs on a pool of worker processes.

Each worker is `python -m trainer.gallery.worker`, started in the
repository root (so the trainer prints repository-relative paths into
train.log) with its torch thread count fixed before torch is imported. It
reads one job per line on stdin, calls trainer.train.run() directly with a
TrainConfig, and answers one JSON line on stdout. A worker lives as long as the
experiment and trains job after job: torch is imported once per worker, and
on a GPU the compile caches stay warm between runs.

On the CPU profile there is one single-threaded worker per core: a tiny
model does not speed up with a second thread (two one-thread processes
train about 1.2-1.6x as many tokens per second as one two-thread process on
2 cores, more for smaller models), and one thread keeps the float sums, and
so the run data, the same on any machine with the same CPU. Jobs start
longest first, so the pool finishes together.
"""
import json
import os
import queue
import signal
import subprocess
import sys
import threading

from trainer.gallery import keys
from trainer.gallery.layout import GalleryError

ENV_WORKERS = 'PLATEAU_GALLERY_WORKERS'  # how many worker processes (default: cores / threads)


def die_with_parent():
    """In a child, before exec: get SIGKILL when the parent dies (Linux), so a killed
    `make figures` leaves no experiment or training process behind."""
    try:
        import ctypes
        ctypes.CDLL('libc.so.6', use_errno=True).prctl(1, signal.SIGKILL)  # PR_SET_PDEATHSIG = 1
    except (OSError, AttributeError):
        pass


def worker_count(threads, jobs):
    """Workers for `jobs` jobs: $PLATEAU_GALLERY_WORKERS, else one per `threads` cores (one on a GPU)."""
    wanted = os.environ.get(ENV_WORKERS)
    if wanted:
        try:
            n = int(wanted)
        except ValueError:
            raise GalleryError(f"{ENV_WORKERS} must be a whole number, got {wanted!r}") from None
        if n < 1:
            raise GalleryError(f"{ENV_WORKERS} must be at least 1, got {n}")
    else:
        n = max(1, (os.cpu_count() or 1) // threads) if threads else 1
    return max(1, min(n, jobs))


class Worker:
    """One training process and the pipe to it."""

    def __init__(self, repo, threads):
        env = dict(os.environ, PYTHONUNBUFFERED='1')
        env['PYTHONPATH'] = os.pathsep.join(filter(None, [str(keys.SOURCE_ROOT), env.get('PYTHONPATH')]))
        if threads:
            env.update(OMP_NUM_THREADS=str(threads), MKL_NUM_THREADS=str(threads), PLATEAU_TORCH_THREADS=str(threads))
        self.proc = subprocess.Popen([sys.executable, '-m', 'trainer.gallery.worker'], cwd=repo, env=env,
                                     stdin=subprocess.PIPE, stdout=subprocess.PIPE, text=True,
                                     preexec_fn=die_with_parent if sys.platform.startswith('linux') else None)

    def train(self, config):
        """Send one TrainConfig dict; (exit code, seconds) when the trainer is done."""
        self.proc.stdin.write(json.dumps(config) + '\n')
        self.proc.stdin.flush()
        line = self.proc.stdout.readline()
        if not line:
            return -1, 0.0  # the worker died (killed, out of memory)
        answer = json.loads(line)
        return answer['rc'], answer['seconds']

    def close(self):
        try:
            self.proc.stdin.close()
            self.proc.wait(timeout=30)
        except (OSError, subprocess.TimeoutExpired):
            self.proc.kill()
            self.proc.wait()


def run_jobs(layout, jobs, threads, on_done, log=print):
    """Train every job (runs.TrainJob) on the pool; on_done(job, seconds, workers) after each success.
    Raises GalleryError naming every failed job, after the others have finished."""
    from trainer.gallery.runs import repo_relative
    repo = layout.repo
    todo = queue.Queue()
    for job in sorted(jobs, key=lambda j: -j.cost()):
        todo.put(job)
    failures, lock = [], threading.Lock()

    def serve():
        worker = Worker(repo, threads)
        try:
            while True:
                try:
                    job = todo.get_nowait()
                except queue.Empty:
                    return
                job.scratch.mkdir(parents=True, exist_ok=True)
                config = dict(job.config, out_dir=repo_relative(layout, job.scratch),
                              data_dir=repo_relative(layout, job.data.ensure(layout)))
                with lock:
                    log(f"gallery: training {job.label}")
                rc, seconds = worker.train(config)
                if rc == 0:
                    with lock:
                        on_done(job, seconds, n_workers)
                else:
                    failures.append((job, rc))
                    if rc < 0:
                        worker.close()
                        worker = Worker(repo, threads)
        finally:
            worker.close()

    for job in jobs:
        job.data.ensure(layout)  # prepared once, here, before the workers read it
    n_workers = worker_count(threads, len(jobs))
    threads_list = [threading.Thread(target=serve, daemon=True) for _ in range(n_workers)]
    for t in threads_list:
        t.start()
    for t in threads_list:
        t.join()
    if failures:
        raise GalleryError('training failed:\n' + '\n'.join(_failure(job, rc) for job, rc in failures))


def _failure(job, rc):
    log = job.scratch / 'train.log'
    tail = log.read_text(encoding='utf-8').splitlines()[-12:] if log.exists() else []
    return f"  {job.label} (exit {rc}):\n" + '\n'.join('    ' + line for line in tail)
