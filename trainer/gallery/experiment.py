"""The object an experiment script talks to: `exp = Experiment(__file__)`.

A script trains (or reuses) its runs at the top level, then hands a render
function to `@exp.render`, which calls it once per language and writes
everything into a stage: a private copy of the output tree. Under the runner
(`python -m trainer.gallery run`) the runner promotes the stage when the
script exits cleanly; run alone (`python gallery/NAME.py`) the script promotes
it itself. Either way a script that fails, or is killed, changes nothing.
"""
import ast
import json
import os
import sys
import tempfile
import time
from pathlib import Path

from trainer.gallery import keys, runs
from trainer.gallery.layout import (ENV_MODE, ENV_OUT, ENV_PROFILE, ENV_RETRAIN, ENV_STAGE, RESULT,
                                    DEFAULT_PROFILE, GalleryError, Layout, NAME_RE)
from trainer.i18n import LANGS


def question(source):
    """The first paragraph of the script's docstring: the question it answers."""
    doc = ast.get_docstring(ast.parse(source)) or ''
    return ' '.join(doc.strip().split('\n\n')[0].split())


def _process_seconds():
    """How long this process has run, imports included (Linux; None elsewhere)."""
    try:
        with open('/proc/self/stat') as f:
            start_ticks = int(f.read().rsplit(')', 1)[1].split()[19])  # field 22: starttime
        with open('/proc/uptime') as f:
            uptime = float(f.read().split()[0])
        return uptime - start_ticks / os.sysconf('SC_CLK_TCK')
    except (OSError, ValueError, IndexError):
        return None


class Experiment:
    def __init__(self, script, profile=None):
        path = Path(script).resolve()
        self.name = path.stem
        if not NAME_RE.fullmatch(self.name):
            raise GalleryError(f"{path}: experiment names are lowercase letters, digits and '_'")
        profile = profile or os.environ.get(ENV_PROFILE) or DEFAULT_PROFILE
        self.layout = Layout(path.parent.parent, profile, out=os.environ.get(ENV_OUT) or None)
        self.mode = os.environ.get(ENV_MODE, 'run')
        if self.mode not in ('run', 'check'):
            raise GalleryError(f"{ENV_MODE} must be run or check, got {self.mode!r}")
        self.retrain = os.environ.get(ENV_RETRAIN) == '1'
        self.question = question(path.read_text(encoding='utf-8'))
        stage = os.environ.get(ENV_STAGE)
        self.standalone = stage is None
        if self.standalone:
            self.layout.stage_root().mkdir(parents=True, exist_ok=True)
            stage = tempfile.mkdtemp(prefix=f'{self.name}-', dir=self.layout.stage_root())
        self.stage = Path(stage)
        self.runs = {}
        self.rendered = False
        self._t0 = time.perf_counter()

    @property
    def profile(self):
        return self.layout.profile

    # --- training ---------------------------------------------------------------------
    def data(self, corpus, **prepare_args):
        """A dataset prepared by `plateau prepare CORPUS` with these arguments (edition, shards, ...)."""
        return runs.Data(corpus, **prepare_args)

    def local_data(self, path):
        """An existing nanoGPT data folder (train.bin, val.bin, meta.pkl), identified by its bytes."""
        return runs.Data(path=path)

    def train(self, run, data, **config):
        """Train run `run` on `data` with TrainConfig overrides, or reuse its committed data
        when nothing that affects its numbers changed. Returns a runs.Run."""
        if run in self.runs:
            raise GalleryError(f"run {run!r} trained twice")
        if self.rendered:
            raise GalleryError("train before @exp.render: rendering only reads run data")
        result = runs.train_or_reuse(self.layout, self.stage, self.name, run, data, config,
                                     mode=self.mode, retrain=self.retrain)
        self.runs[run] = result
        print(f"gallery: {self.name}/{run} {result.status}", flush=True)
        return result

    # --- rendering --------------------------------------------------------------------
    def render(self, fn):
        """Decorator: call fn(r) for every language, then finish the experiment."""
        from trainer import plots
        from trainer.gallery.render import Outputs, Render
        from trainer.i18n import t
        from trainer.i18n.figures import FIGURES
        if self.rendered:
            raise GalleryError("@exp.render used twice")
        self.rendered = True
        try:
            titles = {lang: t(FIGURES, f'{self.name}.title', lang) for lang in LANGS}
        except KeyError:
            raise GalleryError(f"add '{self.name}.title' (all four languages) to "
                               f"trainer/i18n/experiments/{self.name}.py") from None
        t_render = time.perf_counter()
        try:
            outputs = Outputs()
            for lang in LANGS:
                plots.setup(lang)
                fn(Render(self, lang, outputs))
            outputs.check_languages()
            if outputs.values:
                path = self.stage / self.layout.values(self.name)
                path.parent.mkdir(parents=True, exist_ok=True)
                path.write_text(json.dumps(outputs.values, indent=1, sort_keys=True, ensure_ascii=False,
                                           allow_nan=False) + '\n', encoding='utf-8')
            result = self._result(titles, outputs, time.perf_counter() - t_render)
            (self.stage / RESULT).write_text(json.dumps(result, indent=1, sort_keys=True) + '\n', encoding='utf-8')
            if self.standalone:
                from trainer.gallery.runner import commit_standalone
                commit_standalone(self.layout, self.name, self.stage, result)
        except BaseException:
            if self.standalone:
                import shutil
                shutil.rmtree(self.stage, ignore_errors=True)
            raise
        return fn

    def _result(self, titles, outputs, render_seconds):
        files = sorted(p.relative_to(self.stage).as_posix() for p in self.stage.rglob('*')
                       if p.is_file() and p.name != RESULT)
        pkg = keys.PACKAGE
        code = set()
        for module in list(sys.modules.values()):
            f = getattr(module, '__file__', None)
            if f and Path(f).resolve().is_relative_to(pkg) and f.endswith('.py'):
                code.add(Path(f).resolve().relative_to(keys.SOURCE_ROOT).as_posix())
        return {
            'name': self.name, 'profile': self.profile, 'mode': self.mode, 'question': self.question,
            'title': titles, 'main_figure': outputs.main, 'files': files,
            'runs': {name: {'key': r.key, 'status': r.status, 'provenance': r.provenance, 'config': r.config}
                     for name, r in self.runs.items()},
            'render_seconds': round(render_seconds, 2),
            'seconds': round(_process_seconds() or time.perf_counter() - self._t0, 2),
            'torch': runs.sys_torch_version(),
            'code_files': sorted(code),
        }
