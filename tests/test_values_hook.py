"""hooks/values.py: [[name.key]] in pages becomes the page language's string."""

import importlib.util
import json
import logging
import os
import subprocess
import sys
import textwrap
import types

import pytest

from conftest import REPO

HOOK_PATH = REPO / "hooks" / "values.py"


@pytest.fixture(scope="module")
def hook():
    spec = importlib.util.spec_from_file_location("plateau_values_hook", HOOK_PATH)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


@pytest.fixture
def values_dir(tmp_path):
    d = tmp_path / "snippets" / "values"
    d.mkdir(parents=True)
    (d / "demo.json").write_text(json.dumps({
        "lr": {"value": 0.0006, "en": "6.0e-4", "es": "6,0e-4", "fr": "6,0e-4", "zh-Hant": "6.0e-4"},
        "tokens": {"value": 7.6e9, "en": "7.6 billion", "es": "7600 millones", "fr": "7,6 milliards",
                   "zh-Hant": "76 億"},
        "no_fr": {"value": 1, "en": "1", "es": "1", "zh-Hant": "1"},
    }), encoding="utf-8")
    return d


def test_replaces_each_reference_with_the_languages_string(hook, values_dir):
    md = "LR [[demo.lr]], data [[demo.tokens]]; again [[demo.lr]]."
    for lang, want in (("en", "LR 6.0e-4, data 7.6 billion; again 6.0e-4."),
                       ("es", "LR 6,0e-4, data 7600 millones; again 6,0e-4."),
                       ("zh-Hant", "LR 6.0e-4, data 76 億; again 6.0e-4.")):
        assert hook.substitute(md, str(values_dir), lang) == (want, [])


def test_de_joins_a_count_in_words_to_its_noun(hook, values_dir):
    md = "vu [[demo.tokens|de]] tokens, [[demo.tokens|de]] itérations, [[demo.lr|de]] tokens, [[demo.tokens]]."
    out, errors = hook.substitute(md, str(values_dir), "fr")
    assert errors == []
    assert out == "vu 7,6 milliards de tokens, 7,6 milliards d’itérations, 6,0e-4 tokens, 7,6 milliards."
    out, _ = hook.substitute("[[demo.tokens|de]] tokens", str(values_dir), "es")
    assert out == "7600 millones de tokens"
    out, _ = hook.substitute("[[demo.tokens|de]]\ntokens, [[demo.tokens|de]]\nitérations", str(values_dir), "fr")
    assert out == "7,6 milliards de\ntokens, 7,6 milliards d’itérations"
    out, _ = hook.substitute("[[demo.tokens|de]] tokens", str(values_dir), "en")
    assert out == "7.6 billion tokens"
    out, errors = hook.substitute("[[demo.nope|de]] tokens and `[[demo.tokens|de]]`", str(values_dir), "es")
    assert out == "[[demo.nope|de]] tokens and `[[demo.tokens|de]]`" and len(errors) == 1


def test_leaves_code_blocks_and_inline_code_alone(hook, values_dir):
    md = textwrap.dedent("""\
        Use `[[demo.lr]]` in a page to get [[demo.lr]].

        ```markdown
        [[demo.lr]] stays here
        ```

        ~~~~
        ```
        [[demo.lr]] inside a longer tilde fence
        ~~~~

        !!! note
            ```text
            [[demo.lr]] in an indented fence
            ```
            but [[demo.lr]] here is prose.

        ``code with ` and [[demo.lr]]`` then [[demo.tokens]]
        """)
    out, errors = hook.substitute(md, str(values_dir), "fr")
    assert errors == []
    assert out.count("[[demo.lr]]") == 5
    assert "to get 6,0e-4." in out and "but 6,0e-4 here" in out and "then 7,6 milliards" in out


def test_unresolvable_references_are_reported_and_left_as_typed(hook, values_dir):
    md = "[[demo.nope]] [[other.lr]] [[demo.no_fr]] [[demo.lr]]"
    out, errors = hook.substitute(md, str(values_dir), "fr")
    assert out == "[[demo.nope]] [[other.lr]] [[demo.no_fr]] 6,0e-4"
    assert len(errors) == 3
    assert "unknown key 'nope'" in errors[0] and "demo.json" in errors[0]
    assert "no values file snippets/values/other.json" in errors[1]
    assert "has no 'fr' string" in errors[2]


def test_a_broken_values_file_is_an_error_not_a_crash(hook, values_dir):
    (values_dir / "bad.json").write_text("{not json", encoding="utf-8")
    out, errors = hook.substitute("x [[bad.a]]", str(values_dir), "en")
    assert out == "x [[bad.a]]" and len(errors) == 1 and "cannot read" in errors[0]


def test_a_rewritten_values_file_is_read_again(hook, values_dir):
    path = values_dir / "demo.json"
    assert hook.substitute("[[demo.lr]]", str(values_dir), "en")[0] == "6.0e-4"
    path.write_text(json.dumps({"lr": {"en": "3.0e-4"}}), encoding="utf-8")
    st = path.stat()
    os.utime(path, ns=(st.st_atime_ns, st.st_mtime_ns + 1_000_000))
    assert hook.substitute("[[demo.lr]]", str(values_dir), "en")[0] == "3.0e-4"


def test_page_language_comes_from_the_source_file(hook):
    def page(src_uri, locale=None):
        f = types.SimpleNamespace(src_uri=src_uri)
        if locale:
            f.locale = locale
        return types.SimpleNamespace(file=f)

    assert hook.page_language(page("es/plateau.md", "en")) == "en"  # an English fallback shown under /es/
    assert hook.page_language(page("zh-Hant/plateau.md")) == "zh-Hant"
    assert hook.page_language(page("assets/x.md")) == "en"


def test_on_page_markdown_logs_page_and_key(hook, values_dir, caplog):
    config = {"config_file_path": str(values_dir.parent.parent / "mkdocs.yml")}
    page = types.SimpleNamespace(file=types.SimpleNamespace(src_uri="fr/capacity.md", locale="fr"))
    with caplog.at_level(logging.ERROR, logger="mkdocs.hooks.values"):
        out = hook.on_page_markdown("a [[demo.lr]] b [[demo.missing]]", page, config, None)
    assert out == "a 6,0e-4 b [[demo.missing]]"
    [record] = caplog.records
    assert record.levelno == logging.ERROR
    assert "fr/capacity.md" in record.getMessage() and "demo.missing" in record.getMessage()


def _mini_site(root, body_en, body_fr=None):
    """A two-language site using the real hook; fr/other.md is missing (English fallback)."""
    (root / "docs" / "en").mkdir(parents=True)
    (root / "docs" / "fr").mkdir(parents=True)
    (root / "docs" / "en" / "index.md").write_text(f"# Home\n\n{body_en}\n", encoding="utf-8")
    (root / "docs" / "en" / "other.md").write_text("# Other\n\nRate [[demo.lr]].\n", encoding="utf-8")
    (root / "docs" / "fr" / "index.md").write_text(f"# Accueil\n\n{body_fr or body_en}\n", encoding="utf-8")
    (root / "mkdocs.yml").write_text(textwrap.dedent(f"""\
        site_name: t
        theme: {{name: mkdocs}}
        nav: [index.md, other.md]
        plugins:
          - i18n:
              docs_structure: folder
              languages:
                - {{locale: en, name: English, default: true}}
                - {{locale: fr, name: Français}}
        hooks: [{HOOK_PATH}]
        """), encoding="utf-8")


def _build(root):
    env = dict(os.environ, NO_MKDOCS_2_WARNING="1")
    return subprocess.run([sys.executable, "-m", "mkdocs", "build", "--strict", "-q"],
                          cwd=root, env=env, capture_output=True, text=True, timeout=120)


def test_strict_build_uses_each_pages_language_and_fails_on_an_unknown_key(tmp_path, values_dir):
    root = values_dir.parent.parent
    _mini_site(root, "Data [[demo.tokens]].")
    proc = _build(root)
    assert proc.returncode == 0, proc.stdout + proc.stderr
    assert "Data 7.6 billion." in (root / "site" / "index.html").read_text(encoding="utf-8")
    assert "Data 7,6 milliards." in (root / "site" / "fr" / "index.html").read_text(encoding="utf-8")
    # fr/other.md does not exist: the English page shown under /fr/ keeps English formatting
    assert "Rate 6.0e-4." in (root / "site" / "fr" / "other" / "index.html").read_text(encoding="utf-8")

    (root / "docs" / "fr" / "index.md").write_text("# Accueil\n\n[[demo.typo]]\n", encoding="utf-8")
    proc = _build(root)
    assert proc.returncode != 0
    assert "fr/index.md" in proc.stderr and "demo.typo" in proc.stderr
