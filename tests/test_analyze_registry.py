"""The finding registry: codes, rules, renderers and plot marks are derived from one registration
per finding, suppression works, and every public name in trainer/analyze has a docstring."""
import ast
from dataclasses import dataclass
from pathlib import Path

import pytest

from trainer.analyze import registry
from trainer.analyze.findings import CODES, RULES
from trainer.analyze.registry import REGISTRY, Found, finding, find
from trainer.i18n import LANGS
from trainer.analyze.messages import CATALOG

ANALYZE = Path(__file__).resolve().parents[1] / "trainer" / "analyze"
OTHER_HELPERS = {"bench.py"}  # moved or rewritten by other issues


def test_codes_and_rules_come_from_the_registry():
    assert CODES == tuple(REGISTRY) and RULES == tuple(s.rule for s in REGISTRY.values())
    assert len(set(CODES)) == len(CODES)


@pytest.mark.parametrize("code", CODES)
def test_every_finding_has_typed_evidence_and_catalog_text(code):
    spec = REGISTRY[code]
    assert spec.severity in registry.SEVERITIES and spec.evidence.__dataclass_fields__
    assert spec.rule.__doc__ and spec.evidence.__doc__
    assert set(spec.suppressed_by) <= set(CODES)
    keys = [k for k in CATALOG if k == code or k.startswith(code + ".")]
    assert keys, f"{code} has no catalog entry"
    assert all(set(CATALOG[k]) == set(LANGS) for k in keys)


def test_suppression_and_ordering(monkeypatch):
    @dataclass
    class Ev:
        """test evidence"""
        x: int

    saved = dict(REGISTRY)
    REGISTRY.clear()
    try:
        finding("b_info", "info", Ev, message=lambda ev, v, lang: "b")(lambda d: Found(Ev(1), [1]))
        finding("a_warn", "warning", Ev, message=lambda ev, v, lang: "a", suppressed_by=("c_err",))(
            lambda d: Found(Ev(2), [2]))
        finding("c_err", "error", Ev, message=lambda ev, v, lang: "c")(lambda d: None)
        assert [f.code for f in find(None)] == ["a_warn", "b_info"]
        REGISTRY["c_err"] = REGISTRY["c_err"].__class__("c_err", "error", lambda d: Found(Ev(3), []), Ev,
                                                         lambda ev, v, lang: "c")
        assert [f.code for f in find(None)] == ["c_err", "b_info"]
        with pytest.raises(ValueError):
            finding("b_info", "info", Ev, message=lambda ev, v, lang: "")(lambda d: None)
    finally:
        REGISTRY.clear()
        REGISTRY.update(saved)


def _public(tree):
    for node in tree.body:
        if isinstance(node, (ast.FunctionDef, ast.ClassDef)) and not node.name.startswith("_"):
            yield node.name, node
            if isinstance(node, ast.ClassDef):
                for sub in node.body:
                    if isinstance(sub, ast.FunctionDef) and not sub.name.startswith("_"):
                        yield f"{node.name}.{sub.name}", sub


def test_public_functions_and_classes_have_docstrings():
    # a format's protocol methods are documented once, on formats/base.py's LogFormat
    protocol = {n for n, _ in _public(ast.parse((ANALYZE / "formats" / "base.py").read_text()))}
    protocol = {n.split(".", 1)[1] for n in protocol if "." in n}
    missing = []
    for path in sorted(ANALYZE.rglob("*.py")):
        if path.name in OTHER_HELPERS:
            continue
        for name, node in _public(ast.parse(path.read_text(encoding="utf-8"))):
            overrides = "formats" in path.parts and path.name != "base.py" and name.split(".")[-1] in protocol
            if not ast.get_docstring(node) and not overrides:
                missing.append(f"{path.relative_to(ANALYZE)}:{name}")
    assert not missing, missing
