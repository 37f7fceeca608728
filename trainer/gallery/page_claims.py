"""Pages cite the claims their interpretive sentences rest on; this checks that they do.

A page backs a sentence, list item or table row with an HTML comment on the
same line (several on one line are allowed):

    The one-shard run overfits after about [[overfit_shards.best_epochs_frac_256]] epochs. <!-- claim: overfit_shards.smallest_shard_best_epochs -->

The rules, checked on every docs/<lang>/**/*.md against the committed manifest
(gallery/manifest.json) and values (snippets/values/<experiment>.json):

1. every marker names a claim the manifest records, and that claim holds;
2. an interpretive line carries at least one marker. A line counts as
   interpretive when, outside code, it quotes a [[experiment.key]] whose value
   is a result (kind "result": read off run data or computed from it, not an
   input setting) of an experiment that has training runs;
3. a page cites the same set of claims in every language.

Rule 2 is the part a test can check honestly: a sentence that interprets runs
without quoting any number is not caught, and a marker does not prove the
sentence says what the claim says. Pages awaiting their rewrite are listed by
the caller (tests/test_page_claims.py) and exempt from rule 2 only. Pages whose
first language was rewritten while the other languages' versions are still on
their way (translation_pending) are checked in full in the first language; in
the others, rules 2 and 3 wait for the translation.
"""
import functools
import importlib.util
import json
import re
from pathlib import Path

from trainer.gallery.keys import SOURCE_ROOT

MARKER = re.compile(r"<!--\s*claim:\s*([a-z0-9_]+)\.([A-Za-z0-9_.-]+?)\s*-->")
# the two ways a value is written in a page: [[exp.key]] and [[exp.key|de]]
QUOTE = re.compile(r"\[\[([A-Za-z0-9_-]+)\.([A-Za-z0-9_.-]+?)(?:\|de)?\]\]")


def load_claims(manifest_path):
    """{(experiment, claim): holds} and the experiments that have training runs, from a manifest."""
    experiments = json.loads(Path(manifest_path).read_text(encoding='utf-8'))['experiments']
    claims = {(name, c): bool(rec['holds']) for name, e in experiments.items() for c, rec in e.get('claims', {}).items()}
    trained = {name for name, e in experiments.items() if e.get('runs')}
    return claims, trained


def load_kinds(values_dir, experiments):
    """{(experiment, key): kind} for every value of these experiments ('result', 'setting', 'text')."""
    kinds = {}
    for name in experiments:
        path = Path(values_dir) / f'{name}.json'
        if path.exists():
            for key, entry in json.loads(path.read_text(encoding='utf-8')).items():
                kinds[(name, key)] = entry.get('kind', 'result')
    return kinds


@functools.lru_cache(maxsize=1)
def _values_hook():
    """hooks/values.py, whose code-block rules decide what is prose (the same rules the site applies)."""
    spec = importlib.util.spec_from_file_location('plateau_values_hook', SOURCE_ROOT / 'hooks' / 'values.py')
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def prose_lines(markdown):
    """(line number, text) of every line, with code blocks and code spans blanked out."""
    outside_code = _values_hook().outside_code
    text = ''.join(chunk if not is_code else re.sub(r'[^\n]', ' ', chunk) for chunk, is_code in outside_code(markdown))
    return list(enumerate(text.splitlines(), start=1))


def cited(markdown):
    """The (experiment, claim) pairs a page's markers name."""
    return {(m.group(1), m.group(2)) for _, line in prose_lines(markdown) for m in MARKER.finditer(line)}


def check_page(rel, markdown, claims, trained, kinds, need_markers=True):
    """Problems of one page (rules 1 and 2), each 'rel:line: why'."""
    problems = []
    for number, line in prose_lines(markdown):
        markers = [(m.group(1), m.group(2)) for m in MARKER.finditer(line)]
        for exp, name in markers:
            if (exp, name) not in claims:
                problems.append(f"{rel}:{number}: claim {exp}.{name} is not in the manifest")
            elif not claims[(exp, name)]:
                problems.append(f"{rel}:{number}: claim {exp}.{name} does not hold on the committed run data")
        if not need_markers or markers:
            continue
        results = [f'{exp}.{key}' for exp, key in QUOTE.findall(line)
                   if exp in trained and kinds.get((exp, key), 'result') == 'result']
        if results:
            problems.append(f"{rel}:{number}: quotes {', '.join(results)} (results of trained runs) "
                            "without a <!-- claim: experiment.name --> marker on the line")
    return problems


def check_docs(docs_dir, manifest_path, values_dir, langs, awaiting_rewrite=(), translation_pending=()):
    """Every problem of every page under docs_dir/<lang>/ (rules 1-3). awaiting_rewrite: paths
    relative to docs_dir/<lang>/ (e.g. 'plateau.md') exempt from rule 2 until they are rewritten.
    translation_pending: pages rewritten in langs[0] whose other languages are exempt from rules 2
    and 3 until their translations land."""
    claims, trained = load_claims(manifest_path)
    kinds = load_kinds(values_dir, trained)
    docs_dir = Path(docs_dir)
    problems, by_page = [], {}
    for lang in langs:
        for path in sorted((docs_dir / lang).rglob('*.md')):
            page = path.relative_to(docs_dir / lang).as_posix()
            markdown = path.read_text(encoding='utf-8')
            waiting = page in translation_pending and lang != langs[0]
            problems += check_page(f'{lang}/{page}', markdown, claims, trained, kinds,
                                   need_markers=page not in awaiting_rewrite and not waiting)
            if not waiting:
                by_page.setdefault(page, {})[lang] = cited(markdown)
    for page, per_lang in sorted(by_page.items()):
        reference = per_lang.get(langs[0], set())
        for lang, found in per_lang.items():
            if found != reference:
                missing = sorted(f'{e}.{c}' for e, c in reference - found)
                extra = sorted(f'{e}.{c}' for e, c in found - reference)
                problems.append(f"{lang}/{page}: cites other claims than {langs[0]}/{page}"
                                + (f"; missing {', '.join(missing)}" if missing else '')
                                + (f"; extra {', '.join(extra)}" if extra else ''))
    return problems

