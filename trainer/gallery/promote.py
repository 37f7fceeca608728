"""Moving a finished stage into the output tree, and comparing one with it.

An experiment renders into a stage (a private copy of the output tree, on the
same filesystem). Only when it has finished without error does promote() move
each staged file over its output with os.replace, which is atomic per file:
a reader, or a kill, sees the old bytes or the new ones, never half a file.
Files whose bytes did not change are left alone (same mtime, clean git tree).
Files the experiment wrote last time but not this time are removed, and the
manifest is written last, so an interrupted promotion leaves the experiment
stale and the next `make figures` redoes it.
"""
import os
from pathlib import Path


def staged_files(stage, exclude=()):
    stage = Path(stage)
    return sorted(p.relative_to(stage).as_posix() for p in stage.rglob('*')
                  if p.is_file() and p.name not in exclude)


def _same(a, b):
    try:
        return a.stat().st_size == b.stat().st_size and a.read_bytes() == b.read_bytes()
    except FileNotFoundError:
        return False


def promote(out, stage, files, owned_dirs=(), previous=()):
    """Move `files` (relative paths) from stage to out; delete what the experiment no longer
    writes: files in its own folders, and files it listed last time. Returns (changed, removed)."""
    out, stage = Path(out), Path(stage)
    changed = []
    for rel in files:
        src, dst = stage / rel, out / rel
        if _same(src, dst):
            continue
        dst.parent.mkdir(parents=True, exist_ok=True)
        os.chmod(src, 0o644)
        os.replace(src, dst)
        changed.append(rel)
    keep = set(files)
    old = set(previous)
    for d in owned_dirs:
        folder = out / d
        if folder.is_dir():
            old.update(p.relative_to(out).as_posix() for p in folder.rglob('*') if p.is_file())
    removed = sorted(old - keep)
    for rel in removed:
        try:
            (out / rel).unlink()
        except FileNotFoundError:
            pass
    for d in owned_dirs:  # drop folders left empty, deepest first
        folder = out / d
        if folder.is_dir():
            for sub in sorted((p for p in folder.rglob('*') if p.is_dir()), key=lambda p: -len(p.parts)):
                _rmdir_if_empty(sub)
            _rmdir_if_empty(folder)
    return changed, removed


def _rmdir_if_empty(path):
    try:
        path.rmdir()
    except OSError:
        pass


def compare(out, stage, files, expected=()):
    """Differences between a re-render in `stage` and the committed tree in `out`:
    a list of (path, problem). `expected`: paths the committed manifest lists."""
    out, stage = Path(out), Path(stage)
    problems = []
    for rel in files:
        dst = out / rel
        if not dst.exists():
            problems.append((rel, 'not committed'))
        elif not _same(stage / rel, dst):
            problems.append((rel, 'differs from a re-render'))
    for rel in sorted(set(expected) - set(files)):
        problems.append((rel, 'committed but no longer produced'))
    return problems


def compare_bytes(out, generated):
    """Like compare() for files generated in memory: {relative path: bytes}."""
    problems = []
    for rel, data in sorted(generated.items()):
        dst = Path(out) / rel
        if not dst.exists():
            problems.append((rel, 'not committed'))
        elif dst.read_bytes() != data:
            problems.append((rel, 'differs from a re-render'))
    return problems
