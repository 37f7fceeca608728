"""scripts/i18n_status.py: missing, stale and structurally different translations."""

import os
import shutil
import subprocess
import sys
import textwrap

import pytest

from conftest import REPO

SCRIPT = REPO / "scripts" / "i18n_status.py"
LANGS = ("en", "es", "fr", "zh-Hant")

PAGE = {
    "en": """\
        # Title

        Text with [[demo.lr]].

        ![A figure](assets/figures/en/demo/loss.svg)

        ## Section

        | a | b |
        |---|--:|
        | 1 | 2 |

        --8<-- "snippets/en/demo/table.md"

        !!! warning
            Careful.

        ```python
        # not a heading
        ```
        """,
    "es": """\
        # Título

        Texto con [[demo.lr]].

        ![Una figura](assets/figures/es/demo/loss.svg)

        ## Sección

        | a | b |
        | --- | ---: |
        | 1 | 2 |

        --8<-- "snippets/es/demo/table.md"

        !!! warning "Cuidado"
            Cuidado.
        """,
}


def run_script(*args):
    return subprocess.run([sys.executable, str(SCRIPT), *args], capture_output=True, text=True, timeout=60)


def make_tree(root, pages):
    """pages: {(lang, name): text}"""
    for (lang, name), text in pages.items():
        path = root / "docs" / lang / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(textwrap.dedent(text), encoding="utf-8")
    return root / "docs"


def full_tree(root):
    pages = {}
    for lang in LANGS:
        text = PAGE.get(lang, PAGE["es"]).replace("/es/", f"/{lang}/")
        pages[(lang, "page.md")] = text
        pages[(lang, "guide/index.md")] = f"# {lang}\n"
    return make_tree(root, pages)


def test_the_real_docs_are_complete_and_aligned():
    proc = run_script()
    assert proc.returncode == 0, proc.stdout + proc.stderr
    assert "0 missing, 0 structural" in proc.stdout


def test_an_aligned_tree_passes(tmp_path):
    proc = run_script("--docs", str(full_tree(tmp_path)))
    assert proc.returncode == 0, proc.stdout + proc.stderr
    assert "0 missing, 0 structural difference(s)" in proc.stdout


def test_a_missing_page_fails(tmp_path):
    docs = full_tree(tmp_path)
    (docs / "fr" / "guide" / "index.md").unlink()
    (docs / "zh-Hant" / "extra.md").write_text("# only here\n", encoding="utf-8")
    proc = run_script("--docs", str(docs))
    assert proc.returncode == 1
    assert "fr/guide/index.md: missing" in proc.stdout
    assert "en/extra.md: no English original" in proc.stdout


@pytest.mark.parametrize("edit, expected", [
    (lambda t: t.replace("## Sección", "### Sección"), "headings: h2 0 vs 1, h3 1 vs 0"),
    (lambda t: t.replace("assets/figures/fr/demo/loss.svg", "assets/figures/en/demo/loss.svg"),
     "figures (1 vs 1): missing assets/figures/<lang>/demo/loss.svg; extra assets/figures/en/demo/loss.svg"),
    (lambda t: t.replace("| --- | ---: |", "| a | b |"), "tables: table 0 vs 1"),
    (lambda t: t.replace('--8<-- "snippets/fr/demo/table.md"', ""), "snippets (0 vs 1): missing"),
    (lambda t: t + "\nAgain [[demo.lr]].\n", "values (2 vs 1): extra demo.lr"),
    (lambda t: t.replace("!!! warning", "!!! note"), "admonitions (1 vs 1): missing warning; extra note"),
])
def test_each_structural_difference_is_reported(tmp_path, edit, expected):
    docs = full_tree(tmp_path)
    path = docs / "fr" / "page.md"
    path.write_text(edit(path.read_text(encoding="utf-8")), encoding="utf-8")
    proc = run_script("--docs", str(docs))
    assert proc.returncode == 1, proc.stdout
    assert f"fr/page.md: {expected}" in proc.stdout, proc.stdout


def script_module():
    """scripts/i18n_status.py as a module, to call status() and read its constants."""
    sys.path.insert(0, str(SCRIPT.parent))
    try:
        import i18n_status
    finally:
        sys.path.pop(0)
    return i18n_status


def test_a_page_pending_translation_is_a_warning_and_the_others_still_fail(tmp_path):
    # scripts/i18n_status.py status(pending=...): English rewritten, translations on their way
    i18n_status = script_module()
    pending = "pending.md"
    pages = {}
    for lang in LANGS:
        text = PAGE.get(lang, PAGE["es"]).replace("/es/", f"/{lang}/")
        pages[(lang, "page.md")] = text
        pages[(lang, pending)] = text + ("\n## Only in English\n" if lang == "en" else "")
    docs = make_tree(tmp_path, pages)
    missing, _, structure, waiting = i18n_status.status(str(docs), LANGS, pending=(pending,))
    assert not missing and not structure
    assert any(line.startswith(f"fr/{pending}: headings") for line in waiting), waiting
    assert run_script("--docs", str(docs)).returncode == 1  # nothing is pending in the committed list
    path = docs / "fr" / "page.md"
    path.write_text(path.read_text(encoding="utf-8").replace("## Sección", "### Sección"), encoding="utf-8")
    _, _, structure, _ = i18n_status.status(str(docs), LANGS, pending=(pending,))
    assert any(line.startswith("fr/page.md") for line in structure), structure


def test_nothing_is_pending_translation():
    i18n_status = script_module()
    assert i18n_status.PENDING_TRANSLATION == ()


def _git(root, *args, date=None):
    env = dict(os.environ, GIT_AUTHOR_NAME="t", GIT_AUTHOR_EMAIL="t@example.com",
               GIT_COMMITTER_NAME="t", GIT_COMMITTER_EMAIL="t@example.com")
    if date:
        env.update(GIT_AUTHOR_DATE=date, GIT_COMMITTER_DATE=date)
    subprocess.run(["git", *args], cwd=root, env=env, check=True, capture_output=True)


@pytest.mark.skipif(shutil.which("git") is None, reason="git is not installed")
def test_stale_translations_are_a_warning_from_git_dates(tmp_path):
    docs = full_tree(tmp_path)
    _git(tmp_path, "init", "-q")
    _git(tmp_path, "add", "-A")
    _git(tmp_path, "commit", "-q", "-m", "all", date="2024-01-01T00:00:00Z")
    en = docs / "en" / "page.md"
    en.write_text(en.read_text(encoding="utf-8") + "\nMore English.\n", encoding="utf-8")
    _git(tmp_path, "commit", "-q", "-am", "en", date="2024-02-01T00:00:00Z")

    proc = run_script("--docs", str(docs))
    assert proc.returncode == 0, proc.stdout  # stale is only a warning
    for lang in ("es", "fr", "zh-Hant"):
        assert f"{lang}/page.md: English changed 2024-02-01" in proc.stdout
    assert "guide/index.md" not in proc.stdout
    assert "3 stale" in proc.stdout

    # An uncommitted edit of a translation counts from now: it is no longer stale.
    es = docs / "es" / "page.md"
    es.write_text(es.read_text(encoding="utf-8") + "\nMás.\n", encoding="utf-8")
    proc = run_script("--docs", str(docs))
    assert "es/page.md" not in proc.stdout and "2 stale" in proc.stdout


def test_outside_git_file_times_are_used(tmp_path):
    docs = full_tree(tmp_path)
    for lang in LANGS:
        os.utime(docs / lang / "page.md", (1_700_000_000, 1_700_000_000))
    os.utime(docs / "en" / "page.md", (1_800_000_000, 1_800_000_000))
    proc = run_script("--docs", str(docs))
    assert proc.returncode == 0 and "3 stale" in proc.stdout, proc.stdout


def test_bad_usage_is_one_error_line_and_status_2(tmp_path):
    proc = run_script("--docs", str(tmp_path / "nope"))
    assert proc.returncode == 2
    assert proc.stderr.startswith("error: ") and len(proc.stderr.strip().splitlines()) == 1
    (tmp_path / "docs" / "es").mkdir(parents=True)
    proc = run_script("--docs", str(tmp_path / "docs"))
    assert proc.returncode == 2 and "no pages in" in proc.stderr
