"""trainer/atomic.py: whole-file replacement, the umask's mode, no folders made, nothing left behind."""
import os
import re
import stat
from pathlib import Path

import pytest

from trainer import atomic
from trainer.atomic import atomic_file, atomic_path, write_atomic

PACKAGE = Path(__file__).resolve().parents[1] / 'trainer'



def mode(path):
    return stat.S_IMODE(os.stat(path).st_mode)


def test_text_and_bytes_replace_the_file(tmp_path):
    path = tmp_path / 'out.txt'
    write_atomic(path, 'première\n')
    assert path.read_text(encoding='utf-8') == 'première\n'
    write_atomic(path, b'\x00\x01')
    assert path.read_bytes() == b'\x00\x01'
    assert os.listdir(tmp_path) == ['out.txt']


def test_mode_follows_the_umask_like_open(tmp_path, umask_022):
    write_atomic(tmp_path / 'a.md', 'x')
    with atomic_path(tmp_path / 'b.svg') as tmp:
        Path(tmp).write_text('<svg/>')
    with open(tmp_path / 'c.txt', 'w') as f:  # what a plain open gives, for comparison
        f.write('x')
    assert mode(tmp_path / 'a.md') == mode(tmp_path / 'b.svg') == mode(tmp_path / 'c.txt') == 0o644
    os.umask(0o077)
    write_atomic(tmp_path / 'private', 'x')
    assert mode(tmp_path / 'private') == 0o600


def test_a_missing_directory_is_an_error_and_is_not_created(tmp_path):
    target = tmp_path / 'nope' / 'deeper' / 'out.txt'
    for write in (lambda: write_atomic(target, 'x'), lambda: atomic_path(target).__enter__()):
        with pytest.raises(FileNotFoundError, match=r'directory .*nope.deeper does not exist'):
            write()
    assert os.listdir(tmp_path) == []


@pytest.mark.parametrize('error', [ValueError('writer failed'), KeyboardInterrupt()])
def test_a_failed_write_leaves_the_old_file_and_no_temp(tmp_path, error):
    path = tmp_path / 'out.txt'
    path.write_text('old')
    with pytest.raises(type(error)):
        with atomic_file(path, 'w') as f:
            f.write('half of the new')
            raise error
    with pytest.raises(type(error)):
        with atomic_path(path) as tmp:
            Path(tmp).write_text('new')
            raise error
    assert path.read_text() == 'old' and os.listdir(tmp_path) == ['out.txt']


def test_a_failed_rename_leaves_no_temp(tmp_path, monkeypatch):
    def refuse(src, dst):
        raise OSError('rename refused')
    monkeypatch.setattr(atomic.os, 'replace', refuse)
    with pytest.raises(OSError, match='rename refused'):
        write_atomic(tmp_path / 'out.txt', 'x')
    assert os.listdir(tmp_path) == []


def test_fsync_only_when_asked(tmp_path, monkeypatch):
    synced = []
    real = os.fsync
    monkeypatch.setattr(atomic.os, 'fsync', lambda fd: (synced.append(fd), real(fd)))
    write_atomic(tmp_path / 'figure.svg', 'x')
    assert synced == []
    write_atomic(tmp_path / 'ckpt.pt', b'x', fsync=True)
    assert len(synced) == 2  # the file before the rename, its directory after


def test_only_whole_file_modes():
    with pytest.raises(ValueError, match="mode 'w' or 'wb'"):
        atomic_file('x', 'a').__enter__()


def test_the_package_has_one_temp_file_writer():
    # every module writes through trainer/atomic.py: no private copies of the temp-and-rename dance
    private = re.compile(r"mkstemp|\.tmp['\"]|with_suffix\(['\"]\.tmp")  # temp files made by hand
    offenders = [str(p.relative_to(PACKAGE)) for p in PACKAGE.rglob('*.py')
                 if p.name != 'atomic.py' and private.search(p.read_text())]
    assert offenders == []
