"""Repository-wide rules that no single module test would catch."""
import pathlib
import re

ROOT = pathlib.Path(__file__).resolve().parents[1]
CODE = [p for d in ("trainer", "gallery", "hooks", "scripts") for p in (ROOT / d).rglob("*.py")]


def _sources():
    for path in CODE:
        yield path, path.read_text(encoding="utf-8")


def test_code_never_reads_the_shared_research_folder():
    # Users and fresh clones do not have ../shared: nothing may depend on it.
    for path, text in _sources():
        assert not re.search(r"\.\./shared|/work/shared", text), path


def test_no_exec_or_eval_of_configs_or_logs():
    for path, text in _sources():
        assert not re.search(r"(?<![\w.])(?<!def )(exec|eval)\(", text), f"{path}: exec/eval is forbidden; parse instead"


def test_torch_load_is_always_weights_only():
    for path, text in _sources():
        for call in re.findall(r"torch\.load\([^)]*\)", text):
            assert "weights_only=True" in call, f"{path}: {call}"


def test_no_raw_pickle_load():
    # meta.pkl is read with a restricted unpickler; a bare pickle.load would run arbitrary code.
    for path, text in _sources():
        assert "pickle.load(" not in text and "pickle.loads(" not in text, path
