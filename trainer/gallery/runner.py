"""`make figures`: run the stale experiments, promote what they wrote, report.

Each experiment runs as `python gallery/NAME.py` in its own process (a crash
or a hang stays there), with its stdout and stderr in build/gallery/logs/NAME.log
and its outputs in a private stage. The runner promotes a stage only when the
script exited 0; a failure is reported at the end with its traceback, and the
exit code is 1. The script's process is tied to the runner's (PR_SET_PDEATHSIG),
so killing the runner kills the experiment before it could promote anything.

Claims: an experiment whose run data no longer supports one of its claims
(claims.py) is still promoted, since the data is what it is, but the runner
names the claim and exits 1, and `check` fails on it until the claim, or the
experiment, is mended.
"""
import contextlib
import os
import shutil
import subprocess
import sys
import tempfile
import time
import traceback
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

from trainer.gallery import claims as claims_mod, keys, manifest as mf, promote, site
from trainer.gallery.layout import (ENV_MODE, ENV_OUT, ENV_PROFILE, ENV_RETRAIN, ENV_STAGE, RESULT, GalleryError,
                                    Layout, experiment_names)
from trainer.gallery.training import die_with_parent
from trainer.i18n import LANGS


# --- what is stale ---------------------------------------------------------------------

def select(layout, only=None):
    names = experiment_names(layout.repo)
    if only:
        unknown = [n for n in only if n not in names]
        if unknown:
            raise GalleryError(f"no experiment named {', '.join(unknown)} in {layout.repo / 'gallery'}; "
                               f"known: {', '.join(names) or 'none'}")
        names = [n for n in names if n in only]
    return names


def staleness(layout, manifest, name):
    """(stale, reason): stale when never rendered, rendered for another profile, its key
    changed, or one of its outputs is missing."""
    entry = manifest.get(name)
    if entry is None:
        return True, 'never rendered'
    if entry['profile'] != layout.profile:
        return True, f"rendered with profile {entry['profile']}"
    if keys.experiment_key(layout, name, entry['code_files'], bool(entry['runs'])) != entry['key']:
        return True, 'script or code changed'
    missing = [f for f in mf.all_files(entry) if not layout.abs(f).exists()]
    if missing:
        return True, f'missing {missing[0]}' + (f' and {len(missing) - 1} more' if len(missing) > 1 else '')
    return False, 'fresh'


def _display(layout, rel):
    path = layout.abs(rel)
    return path.relative_to(layout.repo).as_posix() if path.is_relative_to(layout.repo) else str(path)


def status(layout):
    manifest = mf.load(layout)
    entries = []
    for name in experiment_names(layout.repo):
        stale, reason = staleness(layout, manifest, name)
        entry = manifest.get(name)
        entries.append({
            'name': name, 'stale': stale, 'reason': reason,
            'profile': entry['profile'] if entry else None,
            'seconds': entry['provenance']['wall_seconds'] if entry else None,
            'device': (entry['provenance']['device'] or 'cpu (no training)') if entry else None,
            'outputs': [_display(layout, f) for f in entry['outputs']] if entry else [],
            'shared': [_display(layout, f) for f in entry['shared']] if entry else [],
        })
    return entries


# --- running one experiment ----------------------------------------------------------------

def run_script(layout, name, stage, mode='run', retrain=False, log_path=None):
    """Run gallery/NAME.py in a child process writing into `stage`; returns (exit code, log text)."""
    env = dict(os.environ)
    env.update({ENV_PROFILE: layout.profile, ENV_STAGE: str(stage), ENV_OUT: str(layout.out), ENV_MODE: mode,
                ENV_RETRAIN: '1' if retrain else '0', 'MPLBACKEND': 'Agg', 'PYTHONUNBUFFERED': '1'})
    env.setdefault('PYTHONHASHSEED', '0')
    env['PYTHONPATH'] = os.pathsep.join(filter(None, [str(keys.SOURCE_ROOT), env.get('PYTHONPATH')]))
    log_path = Path(log_path or Path(stage).with_suffix('.log'))
    log_path.parent.mkdir(parents=True, exist_ok=True)
    with open(log_path, 'wb') as log:
        proc = subprocess.Popen([sys.executable, str(layout.script(name))], cwd=layout.repo, env=env,
                                stdin=subprocess.DEVNULL, stdout=log, stderr=subprocess.STDOUT,
                                preexec_fn=die_with_parent if sys.platform.startswith('linux') else None)
        try:
            rc = proc.wait()
        except BaseException:  # Ctrl-C or an error here: the experiment must not outlive us
            proc.kill()
            proc.wait()
            raise
    return rc, log_path.read_text(encoding='utf-8', errors='replace')


def traceback_of(log_text, lines=25):
    """The last traceback in a log, or its last lines."""
    start = log_text.rfind('Traceback (most recent call last):')
    text = log_text[start:] if start >= 0 else '\n'.join(log_text.splitlines()[-lines:])
    return text.rstrip() or '(no output)'


def read_result(stage):
    import json
    path = Path(stage) / RESULT
    return json.loads(path.read_text(encoding='utf-8')) if path.exists() else None


def commit(layout, name, stage, result, manifest, seconds=None):
    """Promote a finished stage, then record its manifest entry (last: see promote.py).
    seconds: the script's wall time as the runner measured it (imports included)."""
    if seconds is not None:
        result = {**result, 'seconds': round(seconds, 2)}
    entry = mf.entry_from_result(layout, name, result)
    fragments = site.experiment_fragments(layout, entry)
    for rel, data in fragments.items():
        path = Path(stage) / rel
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_bytes(data)
        (entry['outputs'] if mf.is_localized(rel) else entry['shared']).append(rel)
    entry['outputs'].sort()
    entry['shared'].sort()
    previous = mf.all_files(manifest[name]) if name in manifest else ()
    files = promote.staged_files(stage, exclude=(RESULT,))
    promote.promote(layout.out, stage, files, layout.owned_dirs(name), previous)
    manifest[name] = entry
    mf.save(layout, manifest)
    return entry


def refresh(layout, manifest):
    """Rewrite the runner-made fragments every experiment shares (write-if-changed)."""
    for entry in manifest.values():
        for lang in LANGS:
            mf.write_if_changed(layout.abs(layout.snippet(lang, entry['name'], 'provenance')),
                                site.provenance_md(entry, lang).encode('utf-8'))
    if layout.writes_site_pages:
        for rel, data in site.global_fragments(layout, manifest).items():
            mf.write_if_changed(layout.abs(rel), data)


@contextlib.contextmanager
def locked(layout):
    """One runner at a time per output tree."""
    import fcntl
    layout.work.mkdir(parents=True, exist_ok=True)
    with open(layout.work / 'lock', 'w') as f:
        try:
            fcntl.flock(f, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError:
            raise GalleryError(f"another gallery runner is using {layout.out}; wait for it to finish") from None
        yield


def commit_standalone(layout, name, stage, result):
    """`python gallery/NAME.py` run by hand: promote its own stage."""
    with locked(layout):
        manifest = mf.load(layout)
        entry = commit(layout, name, stage, result, manifest)
        refresh(layout, manifest)
    shutil.rmtree(stage, ignore_errors=True)
    print(f"gallery: {name} written ({len(entry['outputs'])} localized outputs) under {layout.out}")
    for record in claims_mod.failing(entry['claims']):
        print(f"{'error' if layout.enforces_claims else 'note'}: {claims_mod.describe(record)}", file=sys.stderr)


def _prune(layout, manifest, names):
    """Experiments whose script was deleted: remove their outputs and entries."""
    for name in sorted(set(manifest) - set(names)):
        promote.promote(layout.out, layout.work, [], layout.owned_dirs(name), mf.all_files(manifest.pop(name)))


# --- the commands ------------------------------------------------------------------------

def run(layout, only=None, force=False, progress=True, out=sys.stdout, err=sys.stderr):
    """Run stale (or, with force, all selected) experiments; returns the exit code."""
    from tqdm import tqdm
    names = select(layout, only)
    with locked(layout):
        shutil.rmtree(layout.stage_root(), ignore_errors=True)  # leftovers of killed runs
        layout.stage_root().mkdir(parents=True, exist_ok=True)
        manifest = mf.load(layout)
        if not only:
            _prune(layout, manifest, names)
        todo = [n for n in names if force or staleness(layout, manifest, n)[0]]
        failures, done, skipped, notes = [], [], [], []
        t0 = time.perf_counter()
        bar = tqdm(todo, unit='exp', disable=not progress or not todo, file=err, dynamic_ncols=True)
        for name in bar:
            bar.set_description(name)
            stage = Path(tempfile.mkdtemp(prefix=f'{name}-', dir=layout.stage_root()))
            try:
                t_child = time.perf_counter()
                rc, log = run_script(layout, name, stage, 'run', retrain=force, log_path=layout.log(name))
                t_child = time.perf_counter() - t_child
                result = read_result(stage) if rc == 0 else None
                if result is None:
                    why = f'exit code {rc}' if rc else 'it finished without calling @exp.render'
                    failures.append((name, why, traceback_of(log)))
                elif result.get('skipped'):
                    skipped.append(name)
                else:
                    try:
                        entry = commit(layout, name, stage, result, manifest, seconds=t_child)
                    except (OSError, ValueError, KeyError, GalleryError):
                        failures.append((name, 'its outputs could not be promoted', traceback.format_exc()))
                        continue
                    trained = sum(r['status'] == 'trained' for r in result['runs'].values())
                    done.append((name, t_child, trained, len(result['runs'])))
                    broken = claims_mod.failing(entry['claims'])
                    if broken and layout.enforces_claims:
                        failures.append((name, 'its run data contradicts its claims (outputs promoted)',
                                         '\n'.join(claims_mod.describe(c) for c in broken)))
                    elif broken:
                        notes.append(f"{name}: {len(broken)} claim(s) do not hold in the {layout.profile} profile "
                                     "(not enforced there)")
            finally:
                shutil.rmtree(stage, ignore_errors=True)
        bar.close()
        refresh(layout, manifest)
        mf.save(layout, manifest)
    fresh = len(names) - len(todo)
    for name, seconds, trained, total in done:
        print(f"  {name}: {seconds:.1f}s" + (f", trained {trained} of {total} runs" if total else ''), file=out)
    print(f"gallery ({layout.profile}): {len(done)} rendered, {fresh} fresh, {len(failures)} failed"
          + (f", {len(skipped)} without a {layout.profile} variant" if skipped else '')
          + f" in {time.perf_counter() - t0:.1f}s", file=out)
    for note in notes:
        print(f"  note: {note}", file=out)
    for name, why, tb in failures:
        print(f"\nFAILED {name} ({why}); full log: {_display_path(layout.log(name))}\n{tb}", file=err)
    return 1 if failures else 0


def _display_path(path):
    try:
        return Path(path).relative_to(Path.cwd()).as_posix()
    except ValueError:
        return str(path)


def check(layout, only=None, jobs=2, out=sys.stdout, err=sys.stderr):
    """Re-render every experiment from its committed run data into a temp stage (never training)
    and fail if any committed output differs, is missing, or is stale."""
    names = select(layout, only)
    manifest = mf.load(layout)
    problems = []
    for name in sorted(set(manifest) - set(names)) if not only else ():
        problems.append((name, 'its script is gone but its outputs are committed; run make figures'))
    todo = []
    for name in names:
        entry = manifest.get(name)
        if entry is None:
            problems.append((name, 'never rendered; run make figures'))
            continue
        lay = Layout(layout.repo, entry['profile'], out=layout.out)
        if keys.experiment_key(lay, name, entry['code_files'], bool(entry['runs'])) != entry['key']:
            problems.append((name, 'stale: its script or the code it uses changed since it was rendered; '
                                   'run make figures'))
            continue
        todo.append((name, lay, entry))
    layout.work.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory(prefix='check-', dir=layout.work) as tmp:
        def one(item):
            name, lay, entry = item
            stage = Path(tmp) / name
            stage.mkdir()
            rc, log = run_script(lay, name, stage, 'check', log_path=Path(tmp) / f'{name}.log')
            result = read_result(stage) if rc == 0 else None
            if result is None or result.get('skipped'):
                return [(name, f're-render failed (exit {rc}):\n{traceback_of(log)}')]
            found = [(name, claims_mod.describe(c)) for c in claims_mod.failing(result['claims'])
                     if lay.enforces_claims]
            if result['claims'] != entry.get('claims', {}):
                found.append((name, 'its claims differ from a re-render; run make figures'))
            fragments = site.experiment_fragments(lay, entry)
            made = set(fragments)
            files = promote.staged_files(stage, exclude=(RESULT,))
            expected = [f for f in mf.all_files(entry) if f not in made]
            differ = promote.compare(lay.out, stage, files, expected) + promote.compare_bytes(lay.out, fragments)
            return found + [(name, f'{rel}: {what}') for rel, what in differ]

        with ThreadPoolExecutor(max_workers=max(1, jobs)) as pool:
            for found in pool.map(one, todo):
                problems += found
    if layout.writes_site_pages:
        problems += [('gallery', f'{rel}: {what}') for rel, what in
                     promote.compare_bytes(layout.out, site.global_fragments(layout, manifest))]
    if problems:
        for name, what in problems:
            print(f"{name}: {what}", file=err)
        print(f"gallery check: {len(problems)} problem(s); run make figures and commit the result", file=err)
        return 1
    n_claims = sum(len(entry.get('claims', {})) for _, _, entry in todo)
    print(f"gallery check: {len(todo)} experiments re-rendered from committed run data, all outputs match, "
          f"all {n_claims} claims hold", file=out)
    return 0


def claim_list(layout, only=None):
    """Every claim of the committed experiments, as the manifest records them (check proves the
    manifest matches a re-render)."""
    manifest = mf.load(layout)
    names = select(layout, only)
    return [manifest[name]['claims'][c] for name in names if name in manifest
            for c in sorted(manifest[name].get('claims', {}))]
