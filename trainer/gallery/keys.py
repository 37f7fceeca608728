"""Content hashes that decide what is stale.

Two levels, so that a change of presentation never retrains:

- run key = hash(resolved TrainConfig, data identity, numerics code, torch
  threads). If a committed run's key.json holds the same key, its
  metrics.jsonl and train.log are what training would produce again, and they
  are reused.
- experiment key = hash(profile, script, the trainer modules the script
  imported, the numerics code, matplotlib's version). When it changes the
  script reruns; its runs retrain only if their own keys changed.

The numerics code is every module whose edit can change a number in
metrics.jsonl or a line of train.log: model, the training loop and its phases,
config defaults, sizing, hardware (device, dtype, MFU peaks), the console and
metrics writers, data preparation. The experiment key
also covers the modules the script imported (recorded by the script itself),
so a change in trainer/plots.py or a catalog re-renders exactly the
experiments that use it, and a change in trainer/cli.py re-renders nothing.
"""
import functools
import hashlib
import importlib.metadata
import json
from pathlib import Path

PACKAGE = Path(__file__).resolve().parents[1]  # trainer/
SOURCE_ROOT = PACKAGE.parent                    # where 'trainer/...' paths are relative to
NUMERICS = ('trainer/model.py', 'trainer/train.py', 'trainer/config.py', 'trainer/sizing.py',
            'trainer/hardware.py', 'trainer/metrics.py', 'trainer/batches.py', 'trainer/data/*.py',
            # the training loop's phases (train.py runs them), and the console that writes train.log
            'trainer/runtime.py', 'trainer/init_model.py', 'trainer/pretrained.py', 'trainer/evaluate.py',
            'trainer/step.py', 'trainer/progress.py', 'trainer/session.py', 'trainer/checkpoint.py',
            'trainer/console.py')


def sha256_bytes(data):
    return hashlib.sha256(data).hexdigest()


def canonical_json(obj):
    """The one serialization keys are hashed over: sorted keys, no whitespace, no NaN."""
    return json.dumps(obj, sort_keys=True, separators=(',', ':'), ensure_ascii=False, allow_nan=False)


def hash_obj(obj):
    return sha256_bytes(canonical_json(obj).encode('utf-8'))


@functools.lru_cache(maxsize=None)
def _file_digest(path, size, mtime_ns):
    # keyed by size and mtime too, so a long-lived process (tests) sees edits
    return sha256_bytes(Path(path).read_bytes())


def file_digest(path):
    """sha256 of a file, or 'missing' (a deleted module changes every key that listed it)."""
    p = Path(path)
    try:
        st = p.stat()
    except FileNotFoundError:
        return 'missing'
    return _file_digest(str(p), st.st_size, st.st_mtime_ns)


def numerics_files():
    files = set()
    for pattern in NUMERICS:
        files.update(p.relative_to(SOURCE_ROOT).as_posix() for p in SOURCE_ROOT.glob(pattern))
    return sorted(files)


def code_hash(rel_files, base=SOURCE_ROOT):
    """Hash of named files (paths relative to `base`), order-independent."""
    return hash_obj({rel: file_digest(Path(base) / rel) for rel in sorted(set(rel_files))})


def numerics_hash():
    return code_hash(numerics_files())


def matplotlib_version():
    try:
        return importlib.metadata.version('matplotlib')
    except importlib.metadata.PackageNotFoundError:
        return 'none'


def script_digest(layout, name):
    """The script itself plus the gallery/_*.py helpers it may import."""
    parts = {'script': file_digest(layout.script(name))}
    for helper in layout.helpers():
        parts['gallery/' + helper.name] = file_digest(helper)
    return hash_obj(parts)


def experiment_key(layout, name, code_files, trains=True):
    """What decides whether experiment `name` is stale (code_files: from its last result).
    The numerics code counts only for an experiment that trains: an analytic one depends on
    exactly the modules it imported."""
    files = sorted(set(code_files) | (set(numerics_files()) if trains else set()))
    return hash_obj({'profile': layout.profile, 'script': script_digest(layout, name),
                     'code': code_hash(files), 'matplotlib': matplotlib_version()})


def run_key(config, data, numerics, threads=None):
    """A training run's key: its resolved config (no paths, seed included), its data identity, the
    numerics code and, on a CPU, the torch thread count (a float sum depends on how it is split)."""
    parts = {'config': config, 'data': data, 'numerics': numerics}
    if threads is not None:
        parts['threads'] = threads
    return hash_obj(parts)
