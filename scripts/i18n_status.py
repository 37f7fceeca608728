"""Translation status of the site: missing, stale and structurally different pages.

    python scripts/i18n_status.py            (make i18n-status)

For every page under docs/<lang>/ it reports, against English:
  - missing:    the page exists in some language but not in this one;
  - stale:      English was changed after the translation (last git commit
                date; a file with uncommitted changes counts from its mtime);
  - structure:  a different set of headings (per level), figures, tables,
                snippet includes, [[values]] references or admonitions.

The counts are what a faithful translation keeps: the words change, the
skeleton does not. Figures and includes are compared by target with the
page's own language folded out, so es/ must show assets/figures/es/x/a.svg
where en/ shows assets/figures/en/x/a.svg.

Exit status: 1 on a missing page or a structural difference, 0 otherwise
(stale pages are a warning), 2 on bad usage.

PENDING_TRANSLATION names the pages whose English was rewritten and whose
translations are being written after it: their structural differences are
listed as a warning until the translations land, then the list is emptied.
"""

import argparse
import os
import re
import subprocess
import sys
from collections import Counter
from datetime import datetime, timezone

try:
    from trainer.i18n import LANGS
except ImportError:  # the script also runs from a bare checkout
    LANGS = ("en", "es", "fr", "zh-Hant")

REPO = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
REFERENCE = "en"

# Pages whose English was rewritten and whose translations are on their way (their structural
# differences are then a warning). Empty: every translation has landed.
PENDING_TRANSLATION = ()

FENCE = re.compile(r"^[ \t>]*(`{3,}|~{3,})")
HEADING = re.compile(r"^(#{1,6})[ \t]+\S")
FIGURE = re.compile(r"!\[[^\]]*\]\(\s*<?([^)\s>]+)")
SNIPPET = re.compile(r"""--8<--\s*["']([^"']+)["']""")
VALUE = re.compile(r"\[\[([A-Za-z0-9_-]+\.[A-Za-z0-9_.-]+)(?:\|de)?\]\]")  # |de: hooks/values.py
ADMONITION = re.compile(r"^[ \t]*(?:!!!|\?\?\?\+?)[ \t]+([A-Za-z0-9_-]+)")
TABLE_CELL = re.compile(r"^:?-+:?$")


class UsageError(Exception):
    """Bad command-line input; reported as one line, exit status 2."""


def prose_lines(text):
    """The lines outside fenced code blocks (a '#' in a code block is not a heading)."""
    fence = None
    for line in text.splitlines():
        m = FENCE.match(line)
        if fence is None:
            if m:
                fence = m.group(1)
            else:
                yield line
        elif (m and m.group(1)[0] == fence[0] and len(m.group(1)) >= len(fence)
              and line.lstrip(" \t>").rstrip() == m.group(1)):
            fence = None  # a closing fence: the same character, at least as long, nothing after


def is_table_separator(line):
    s = line.strip()
    if "|" not in s or "-" not in s:
        return False
    cells = s.strip("|").split("|")
    return all(TABLE_CELL.match(c.strip()) for c in cells)


def fold_lang(target, lang):
    """Replace the path segment naming the page's language with <lang>."""
    return "/".join("<lang>" if part == lang else part for part in target.split("/"))


def skeleton(text, lang):
    """What a translation must keep: a Counter per structural element."""
    s = {"headings": Counter(), "figures": Counter(), "tables": Counter(),
         "snippets": Counter(), "values": Counter(), "admonitions": Counter()}
    for line in prose_lines(text):
        m = HEADING.match(line)
        if m:
            s["headings"][f"h{len(m.group(1))}"] += 1
        for target in FIGURE.findall(line):
            s["figures"][fold_lang(target, lang)] += 1
        if is_table_separator(line):
            s["tables"]["table"] += 1
        for target in SNIPPET.findall(line):
            s["snippets"][fold_lang(target, lang)] += 1
        for ref in VALUE.findall(line):
            s["values"][ref] += 1
        m = ADMONITION.match(line)
        if m:
            s["admonitions"][m.group(1)] += 1
    return s


def describe_difference(kind, ref, got):
    """One line saying how a translation's `kind` differs from the reference, or None."""
    if ref == got:
        return None
    if kind in ("headings", "tables"):
        keys = sorted(set(ref) | set(got))
        return f"{kind}: " + ", ".join(f"{k} {got[k]} vs {ref[k]}" for k in keys if ref[k] != got[k])
    missing, extra = ref - got, got - ref
    parts = []
    if missing:
        parts.append("missing " + ", ".join(sorted(missing.elements())))
    if extra:
        parts.append("extra " + ", ".join(sorted(extra.elements())))
    return f"{kind} ({sum(got.values())} vs {sum(ref.values())}): " + "; ".join(parts)


def pages_of(docs, lang):
    root = os.path.join(docs, lang)
    found = set()
    for dirpath, _, names in os.walk(root):
        for name in names:
            if name.endswith(".md"):
                found.add(os.path.relpath(os.path.join(dirpath, name), root).replace(os.sep, "/"))
    return found


def changed_at(path):
    """When `path` last changed: its mtime if git shows it modified or untracked, else its last commit."""
    folder, name = os.path.split(path)
    try:
        dirty = subprocess.run(["git", "status", "--porcelain", "--", name], cwd=folder,
                               capture_output=True, text=True, check=True).stdout.strip()
        if not dirty:
            stamp = subprocess.run(["git", "log", "-1", "--format=%ct", "--", name], cwd=folder,
                                   capture_output=True, text=True, check=True).stdout.strip()
            if stamp:
                return int(stamp)
    except (OSError, subprocess.CalledProcessError):
        pass  # not a git checkout, or no git: fall back to the file's own time
    return int(os.path.getmtime(path))


def status(docs, langs=LANGS, reference=REFERENCE, pending=()):
    """Return (missing, stale, structure, waiting): lists of human-readable lines. Structural
    differences of the pages in `pending` go to `waiting` (a warning) instead of `structure`."""
    if not os.path.isdir(docs):
        raise UsageError(f"no docs folder at {docs}")
    if reference not in langs:
        raise UsageError(f"reference language {reference} is not among {', '.join(langs)}")
    present = {lang: pages_of(docs, lang) for lang in langs}
    if not present[reference]:
        raise UsageError(f"no pages in {os.path.join(docs, reference)}")
    every_page = set().union(*present.values())
    missing, stale, structure, waiting = [], [], [], []
    for page in sorted(every_page):
        for lang in langs:
            if page not in present[lang]:
                what = "no English original" if lang == reference else "missing"
                missing.append(f"{lang}/{page}: {what}")
        if page not in present[reference]:
            continue
        ref_path = os.path.join(docs, reference, page)
        with open(ref_path, encoding="utf-8") as f:
            ref_skeleton = skeleton(f.read(), reference)
        ref_time = changed_at(ref_path)
        for lang in langs:
            if lang == reference or page not in present[lang]:
                continue
            path = os.path.join(docs, lang, page)
            with open(path, encoding="utf-8") as f:
                got = skeleton(f.read(), lang)
            for kind in ref_skeleton:
                diff = describe_difference(kind, ref_skeleton[kind], got[kind])
                if diff:
                    (waiting if page in pending else structure).append(f"{lang}/{page}: {diff}")
            lang_time = changed_at(path)
            if ref_time > lang_time:
                stale.append(f"{lang}/{page}: English changed {_day(ref_time)}, "
                             f"this translation {_day(lang_time)}")
    return missing, stale, structure, waiting


def _day(stamp):
    return datetime.fromtimestamp(stamp, timezone.utc).strftime("%Y-%m-%d %H:%M UTC")


def report(missing, stale, structure, waiting=(), out=sys.stdout):
    for title, lines in (("missing", missing), ("structure", structure), ("stale (warning)", stale),
                         ("translation pending (warning)", waiting)):
        if lines:
            print(f"{title}:", file=out)
            for line in lines:
                print(f"  {line}", file=out)
    print(f"i18n status: {len(missing)} missing, {len(structure)} structural "
          f"difference(s), {len(stale)} stale, {len(waiting)} pending translation", file=out)


def main(argv=None):
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--docs", default=os.path.join(REPO, "docs"), help="docs folder (default: %(default)s)")
    parser.add_argument("--langs", default=",".join(LANGS), help="comma-separated languages (default: %(default)s)")
    args = parser.parse_args(argv)
    try:
        missing, stale, structure, waiting = status(args.docs, tuple(args.langs.split(",")),
                                                    pending=PENDING_TRANSLATION)
    except UsageError as e:
        print(f"error: {e}", file=sys.stderr)
        return 2
    report(missing, stale, structure, waiting)
    return 1 if missing or structure else 0


if __name__ == "__main__":
    sys.exit(main())
