"""Where the gallery reads and writes, per profile.

Every output path is relative to an output root (`out`), so an experiment can
be rendered into a staging copy of the same tree and promoted file by file:

    gallery/<name>.py                                   the script (in the repo root)
    docs/assets/figures/<lang>/<name>/<figure>.svg      localized figures
    docs/assets/figures/thumbs/<name>.png               thumbnail of the main en figure
    docs/assets/gallery/<name>.py                       the script, for download
    snippets/<lang>/<name>/<table>.md                   tables, text fragments, provenance.md
    snippets/values/<name>.json                         every number the prose quotes
    snippets/<lang>/gallery_index.md, execution_times.md
    gallery/runs/<name>/<run>/seed_<n>/                 run data: metrics.jsonl, train.log, key.json
    gallery/manifest.json

Profiles: `cpu` (committed, out = the repo), `gpu` (out = the repo too, kept
apart: run data in gallery/runs-gpu/, outputs under the name <name>_gpu, its
own gallery/manifest-gpu.json, so a GPU figure sits beside the CPU one and
never replaces it), `smoke` (seconds-long versions for CI; out =
build/gallery-smoke/, never the committed tree). Scratch space (stages, logs,
training out_dirs) lives in <out>/build/gallery/, on the same filesystem as
the outputs so that os.replace is atomic.
"""
import os
import re
from pathlib import Path

from trainer.i18n import LANGS

PROFILES = ('cpu', 'gpu', 'smoke')
DEFAULT_PROFILE = 'cpu'
NAME_RE = re.compile(r'[a-z0-9][a-z0-9_]*')
PART_RE = re.compile(r'[A-Za-z0-9][A-Za-z0-9_.-]*')

# What the runner tells an experiment's process (see experiment.py)
ENV_PROFILE = 'PROFILE'
ENV_STAGE = 'PLATEAU_GALLERY_STAGE'    # write outputs here (mirrors the output tree)
ENV_OUT = 'PLATEAU_GALLERY_OUT'        # the output root holding committed run data
ENV_MODE = 'PLATEAU_GALLERY_MODE'      # 'run' or 'check' (never train)
ENV_RETRAIN = 'PLATEAU_GALLERY_RETRAIN'  # '1': ignore cached run data (--force)
RESULT = '.gallery-result.json'        # in the stage: what the experiment produced


class GalleryError(Exception):
    """Bad input to the runner or an experiment (unknown name, profile, ...): one `error:` line, exit 2."""


def check_profile(profile):
    if profile not in PROFILES:
        raise GalleryError(f"unknown profile {profile!r}; expected one of {', '.join(PROFILES)}")
    return profile


def check_part(kind, value):
    """Names that become path components: no slashes, no dots first, nothing odd."""
    if not isinstance(value, str) or not PART_RE.fullmatch(value):
        raise GalleryError(f"bad {kind} name {value!r}: use letters, digits, '_', '-' or '.'")
    return value


def experiment_names(repo):
    """Experiment scripts in <repo>/gallery: every NAME.py whose name does not start with '_'."""
    folder = Path(repo) / 'gallery'
    if not folder.is_dir():
        raise GalleryError(f"no gallery/ folder in {repo}; run from the repository root or pass --root")
    names = []
    for p in sorted(folder.glob('*.py')):
        if p.stem.startswith('_'):
            continue  # helpers shared by experiments (their source is part of every key)
        if not NAME_RE.fullmatch(p.stem):
            raise GalleryError(f"{p}: experiment names are lowercase letters, digits and '_'")
        names.append(p.stem)
    return names


class Layout:
    def __init__(self, repo, profile=DEFAULT_PROFILE, out=None):
        self.repo = Path(repo).resolve()
        self.profile = check_profile(profile)
        if out is None:
            out = self.repo / 'build' / 'gallery-smoke' if profile == 'smoke' else self.repo
        self.out = Path(out).resolve()
        self.runs_rel = 'gallery/runs-gpu' if profile == 'gpu' else 'gallery/runs'
        self.suffix = '_gpu' if profile == 'gpu' else ''

    # --- inputs
    def script(self, name):
        return self.repo / 'gallery' / f'{name}.py'

    def helpers(self):
        """gallery/_*.py: modules experiments may share; part of every experiment's key."""
        return sorted((self.repo / 'gallery').glob('_*.py'))

    def data_dir(self, slug):
        return self.repo / 'data' / 'gallery' / slug

    # --- outputs, relative to self.out; the gpu profile's carry the suffix _gpu
    def output_name(self, name):
        return name + self.suffix

    def figure(self, lang, name, figure):
        return f'docs/assets/figures/{lang}/{self.output_name(name)}/{figure}.svg'

    def snippet(self, lang, name, part):
        return f'snippets/{lang}/{self.output_name(name)}/{part}.md'

    def values(self, name):
        return f'snippets/values/{self.output_name(name)}.json'

    def thumb(self, name):
        return f'docs/assets/figures/thumbs/{self.output_name(name)}.png'

    @staticmethod
    def source_copy(name):
        return f'docs/assets/gallery/{name}.py'

    @staticmethod
    def index(lang):
        return f'snippets/{lang}/gallery_index.md'

    @staticmethod
    def times(lang):
        return f'snippets/{lang}/execution_times.md'

    @staticmethod
    def scale(lang):
        return f'snippets/{lang}/scale.md'

    @property
    def enforces_claims(self):
        """The pages cite the committed cpu runs: only there does a claim that fails fail the run.
        The smoke profile's seconds-long runs show nothing; the gpu profile's claims are reported."""
        return self.profile == 'cpu'

    @property
    def writes_site_pages(self):
        """The gallery index and execution times list the committed (cpu) experiments only."""
        return self.profile != 'gpu'

    def run_dir(self, name, run, seed):
        return f'{self.runs_rel}/{name}/{run}/seed_{seed}'

    def owned_dirs(self, name):
        """Folders that belong to one experiment alone: files there that it no longer writes go."""
        out = self.output_name(name)
        dirs = [f'docs/assets/figures/{lang}/{out}' for lang in LANGS]
        dirs += [f'snippets/{lang}/{out}' for lang in LANGS]
        dirs.append(f'{self.runs_rel}/{name}')
        return dirs

    @property
    def manifest(self):
        return self.out / 'gallery' / f'manifest{self.suffix.replace("_", "-")}.json'

    # --- scratch
    @property
    def work(self):
        return self.out / 'build' / 'gallery'

    def stage_root(self):
        return self.work / 'stage'

    def log(self, name):
        return self.work / 'logs' / f'{name}.log'

    def scratch(self, name, run, seed):
        return self.work / 'scratch' / self.profile / name / run / f'seed_{seed}'

    def abs(self, rel):
        return self.out / rel


def find_repo(start=None):
    """The repository root: the nearest folder at or above `start` (default cwd) with a gallery/ folder."""
    here = Path(start or os.getcwd()).resolve()
    for p in (here, *here.parents):
        if (p / 'gallery').is_dir() and (p / 'trainer').is_dir():
            return p
    return here
