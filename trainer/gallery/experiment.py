"""The object an experiment script talks to: `exp = Experiment(__file__)`.

A script picks its profile's settings (`exp.settings({...})`), asks for its
runs at the top level (`exp.train(name, data, seeds=(1, 2, 3), ...)`: reused
from committed run data, or trained together on a pool of worker processes the
first time any of them is read), states its claims (`exp.claim(...)`), then
hands a render function to `@exp.render`, which calls it once per language and
writes everything into a stage: a private copy of the output tree. Under the
runner (`python -m trainer.gallery run`) the runner promotes the stage when the
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

from trainer.gallery import claims, keys, runs, training
from trainer.gallery.groups import RunGroup
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


DEFAULT_SEEDS = (1337,)  # nanoGPT's seed, for a run shown once rather than measured


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
        self.groups = {}         # run name -> RunGroup
        self.runs = {}           # (run name, seed) -> runs.Run, once reused or trained
        self.claims = {}         # claim name -> record (claims.evaluate)
        self._pending = []       # runs.TrainJob not trained yet
        self._committed = runs.CommittedRuns(self.layout)
        self._profiles = None    # the profiles exp.settings() was given
        self.rendered = False
        self.reconstructed = False  # True: its data are rebuilt from a text (the case study's notes), not computed
        self._t0 = time.perf_counter()

    @property
    def profile(self):
        return self.layout.profile

    def settings(self, by_profile):
        """This profile's entry of {'cpu': ..., 'smoke': ..., 'gpu': ...}. A script without a gpu
        entry has no gpu variant: under PROFILE=gpu it stops here, skipped, and writes nothing."""
        self._profiles = set(by_profile)
        if self.profile not in by_profile:
            self._skip()
        return by_profile[self.profile]

    def _skip(self):
        print(f"gallery: {self.name} has no {self.profile} variant; skipped", flush=True)
        (self.stage / RESULT).write_text(json.dumps({'name': self.name, 'skipped': True}) + '\n', encoding='utf-8')
        if self.standalone:
            import shutil
            shutil.rmtree(self.stage, ignore_errors=True)
        raise SystemExit(0)

    # --- training ---------------------------------------------------------------------
    def data(self, corpus, **prepare_args):
        """A dataset prepared by `plateau prepare CORPUS` with these arguments (edition, shards, ...)."""
        return runs.Data(corpus, **prepare_args)

    def local_data(self, path):
        """An existing nanoGPT data folder (train.bin, val.bin, meta.pkl), identified by its bytes."""
        return runs.Data(path=path)

    def train(self, run, data, seeds=DEFAULT_SEEDS, **config):
        """Run `run` on `data` once per seed with these TrainConfig overrides: a RunGroup.

        Each seed reuses its committed run data when nothing that affects its numbers changed;
        the others are trained, all of the experiment's at once on the worker pool, the first
        time any group's runs are read."""
        if run in self.groups:
            raise GalleryError(f"run {run!r} trained twice")
        if self.rendered:
            raise GalleryError("train before @exp.render: rendering only reads run data")
        if 'seed' in config:
            raise GalleryError(f"run {run!r}: give seeds=(...), not seed=")
        seeds = tuple(seeds)
        if not seeds or len(set(seeds)) != len(seeds) or not all(isinstance(s, int) for s in seeds):
            raise GalleryError(f"run {run!r}: seeds must be distinct integers, got {seeds!r}")
        for seed in seeds:
            found, job = runs.plan(self.layout, self.stage, self._committed, self.name, run, seed, data, config,
                                   self.mode, self.retrain)
            if found is not None:
                self.runs[(run, seed)] = found
                print(f"gallery: {self.name}/{run}/seed_{seed} reused", flush=True)
            else:
                self._pending.append(job)
        group = RunGroup(run, seeds, lambda: self._group_runs(run, seeds))
        self.groups[run] = group
        return group

    def _group_runs(self, run, seeds):
        if self._pending:
            jobs, self._pending = self._pending, []

            def done(job, seconds, workers):
                self.runs[(job.run, job.seed)] = runs.finish(self.layout, job, seconds, workers)
                print(f"gallery: {job.label} trained in {seconds:.1f}s", flush=True)

            threads = runs.PROFILE_THREADS[self.profile]
            training.run_jobs(self.layout, jobs, threads, done, log=lambda line: print(line, flush=True))
        return {seed: self.runs[(run, seed)] for seed in seeds}

    # --- claims -----------------------------------------------------------------------
    def claim(self, name, values, test, says):
        """State a claim the pages make: `test` (claims.above/below/between/straddles_zero) must hold
        for every seed's value of `values` (a PerSeed, or one number). Returns whether it holds;
        a claim that does not hold fails `make figures` and the freshness check, by name."""
        if self.rendered:
            raise GalleryError("claims come before @exp.render")
        if name in self.claims:
            raise GalleryError(f"claim {name!r} stated twice")
        self.claims[name] = claims.evaluate(self.name, name, values, test, says)
        return self.claims[name]['holds']

    # --- rendering --------------------------------------------------------------------
    def render(self, fn):
        """Decorator: call fn(r) for every language, then finish the experiment."""
        from trainer import plots
        from trainer.gallery.render import Outputs, Render
        from trainer.i18n import t
        from trainer.i18n.figures import FIGURES
        if self.rendered:
            raise GalleryError("@exp.render used twice")
        if self.profile == 'gpu' and 'gpu' not in (self._profiles or ()):
            self._skip()
        for group in self.groups.values():
            group.runs  # noqa: B018 - trains whatever is still pending
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
            'runs': {f'{run}/seed_{seed}': {'key': r.key, 'status': r.status, 'provenance': r.provenance,
                                            'config': r.config, 'num_params': r.num_params,
                                            'train_tokens': r.train_tokens}
                     for (run, seed), r in sorted(self.runs.items())},
            'claims': self.claims,
            'reconstructed': bool(self.reconstructed),
            'render_seconds': round(render_seconds, 2),
            'seconds': round(_process_seconds() or time.perf_counter() - self._t0, 2),
            'torch': runs.sys_torch_version(),
            'code_files': sorted(code),
        }
