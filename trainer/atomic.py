"""Atomic file writes, the one helper the whole package uses.

A file is written under a temporary name in its own directory, then renamed
over the target: a reader (or a run killed mid-write) sees the old file or the
new one, never half of one. The rules, for every caller alike:

- the temporary file sits in the target's directory, so the rename stays on
  one filesystem and is atomic (POSIX rename(2));
- it is created with mode 0666 minus the umask, like any file `open(path, 'w')`
  creates (0644 under umask 022; tempfile.mkstemp would give 0600);
- a missing directory is an error (MissingDirectory, a FileNotFoundError naming
  it), never created on the caller's behalf: a mistyped output path should
  fail, not grow folders;
- on any failure, KeyboardInterrupt included, the temporary file is removed and
  the target is left as it was;
- fsync=True flushes the file to disk before the rename and the directory after
  it, so the new file survives a power cut too (checkpoints, metrics); figures
  and tables, which can be rebuilt, skip it.

No torch here: the analyzer and the gallery use it too.
"""
import contextlib
import errno
import os
import secrets


class MissingDirectory(FileNotFoundError):
    """The target's directory does not exist; str() is the plain sentence, for one-line errors."""

    def __str__(self):
        return self.strerror


def temp_name(path):
    """A fresh hidden name next to `path`, for a file that will be renamed onto it."""
    directory, name = os.path.split(os.path.abspath(path))
    return os.path.join(directory, f'.{name}.{secrets.token_hex(4)}.tmp')


def _create_temp(path):
    """(fd, temp path): a new file next to `path`, mode 0666 & ~umask."""
    directory = os.path.dirname(os.path.abspath(path))
    if not os.path.isdir(directory):
        raise MissingDirectory(errno.ENOENT, f"directory {directory} does not exist", directory)
    while True:
        tmp = temp_name(path)
        try:
            return os.open(tmp, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o666), tmp
        except FileExistsError:  # 32 random bits collided: draw another name
            continue


def _fsync_directory(directory):
    try:
        fd = os.open(directory, os.O_RDONLY)
    except OSError:
        return  # some platforms cannot open a directory; the rename is atomic all the same
    try:
        os.fsync(fd)
    except OSError:
        pass
    finally:
        os.close(fd)


def _discard(tmp):
    try:
        os.unlink(tmp)
    except FileNotFoundError:
        pass


@contextlib.contextmanager
def atomic_file(path, mode='wb', *, encoding=None, fsync=False):
    """Yield an open file ('wb', or 'w' in UTF-8 unless told otherwise); when the block
    ends without error, the file replaces `path`."""
    if mode not in ('w', 'wb'):
        raise ValueError(f"atomic_file writes whole files: mode 'w' or 'wb', not {mode!r}")
    fd, tmp = _create_temp(path)
    try:
        with os.fdopen(fd, mode, encoding=(encoding or 'utf-8') if mode == 'w' else None) as f:
            yield f
            f.flush()
            if fsync:
                os.fsync(f.fileno())
        os.replace(tmp, path)
    except BaseException:
        _discard(tmp)
        raise
    if fsync:
        _fsync_directory(os.path.dirname(os.path.abspath(path)))


@contextlib.contextmanager
def atomic_path(path):
    """Yield a temporary path for writers that want a file name (matplotlib's savefig);
    it replaces `path` when the block ends without error."""
    fd, tmp = _create_temp(path)
    os.close(fd)
    try:
        yield tmp
        os.replace(tmp, path)
    except BaseException:
        _discard(tmp)
        raise


def write_atomic(path, data, *, fsync=False):
    """Write `data` (str, as UTF-8, or bytes) to `path` atomically."""
    if isinstance(data, str):
        with atomic_file(path, 'w', encoding='utf-8', fsync=fsync) as f:
            f.write(data)
    else:
        with atomic_file(path, 'wb', fsync=fsync) as f:
            f.write(data)
