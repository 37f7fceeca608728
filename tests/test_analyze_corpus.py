"""The log corpus: logs in the shape of the ones people post (tests/fixtures/logs/), each
with what the analyzer must say about it in a sidecar `<name>.expect.json`.

The logs were written for these tests, with their own numbers; none is a copy of a
posted log. A sidecar holds:

    about     what real logs this one imitates
    kinds     the numbered kinds of issue 14 it exercises ("Analyzer: read every real log")
    covers    the format variants it stands for (see COVERED below)
    options   keyword arguments for analyze() (data_tokens, device_name, format_hint)
    format    the detected format, or
    error     a regular expression the AnalyzeError message must match
    runs      one entry per run: the exact set of finding `codes`, `values` (a dotted path
              into the run's view below -> the expected value), `text_contains` and
              `text_absent` (strings of the English text report)
    xfail     why the current analyzer gets it wrong (strict: it must fail)

An expected number matches within a relative 1e-3, or as {"approx": x, "abs": tol};
{"lt": x} / {"gt": x} bound it and {"absent": true} says the path must not exist.
"""
import json
import math
from pathlib import Path

import pytest

from trainer.analyze import AnalyzeError, analyze, report
from trainer.analyze.formats import FORMATS

FIXTURES = Path(__file__).parent / "fixtures" / "logs"
SIDECAR = ".expect.json"
LOGS = sorted(p for p in FIXTURES.iterdir() if not p.name.endswith(SIDECAR))
# the variants of each format the corpus must hold (issue 14, "Acceptance")
COVERED = {"nanogpt-old", "nanogpt-new", "build-nanogpt-comma", "build-nanogpt-pipe", "fork-extra-fields", "llmc",
           "modded-nanogpt", "metrics-jsonl", "errors-only", "truncated", "resumed", "interleaved-ranks",
           "nanochat-base", "nanochat-mid", "nanochat-sft"}
KINDS = set(range(1, 20))
MISSING = object()


def expectation(log):
    return json.loads((FIXTURES / (log.name.rsplit(".", 1)[0] + SIDECAR)).read_text(encoding="utf-8"))


def _params():
    out = []
    for log in LOGS:
        spec = expectation(log)
        marks = [pytest.mark.xfail(reason=spec["xfail"], strict=True)] if spec.get("xfail") else []
        out.append(pytest.param(log, spec, marks=marks, id=log.name))
    return out


def run_view(analysis, result):
    """What a sidecar's dotted paths look into: counts, short columns, facts, header and findings."""
    run = result.run
    few = len(run.iters) <= 50
    return {
        "format": analysis.format, "iters": len(run.iters), "evals": len(run.eval_steps),
        "first_iter": run.iters[0] if len(run.iters) else None, "last_step": run.last_step,
        "losses": [_plain(x) for x in run.loss] if few else MISSING,
        "times": [_plain(x) for x in run.time_ms] if few else MISSING,
        "eval_steps": list(run.eval_steps), "eval_val": [_plain(x) for x in run.eval_val],
        "eval_train": [_plain(x) for x in run.eval_train],
        "facts": result.facts, "header": run.header,
        "findings": {f.code: {**f.evidence, "variant": f.variant, "steps": f.steps, "severity": f.severity}
                     for f in result.findings},
    }


def _plain(x):
    return None if isinstance(x, float) and math.isnan(x) else x


def resolve(view, path):
    node = view
    for part in path.split("."):
        if isinstance(node, dict):
            node = node.get(part, MISSING)
        elif isinstance(node, list) and part.lstrip("-").isdigit() and -len(node) <= int(part) < len(node):
            node = node[int(part)]
        else:
            return MISSING
        if node is MISSING:
            return MISSING
    return node


def matches(got, want):
    if isinstance(want, dict):
        if want.get("absent"):
            return got is MISSING
        if got is MISSING or not isinstance(got, (int, float)):
            return False
        if "lt" in want or "gt" in want:
            return got < want.get("lt", math.inf) and got > want.get("gt", -math.inf)
        return abs(got - want["approx"]) <= want["abs"]
    if isinstance(want, list):
        return isinstance(got, list) and len(got) == len(want) and all(matches(g, w) for g, w in zip(got, want))
    if isinstance(want, float) and isinstance(got, (int, float)) and not isinstance(got, bool):
        return math.isclose(got, want, rel_tol=1e-3, abs_tol=1e-12)
    return got == want


@pytest.mark.parametrize("log, spec", _params())
def test_corpus_log(log, spec):
    options = spec.get("options", {})
    if "error" in spec:
        with pytest.raises(AnalyzeError, match=spec["error"]):
            analyze(str(log), **options)
        return
    analysis = analyze(str(log), **options)
    assert analysis.format == spec["format"]
    assert len(analysis.runs) == len(spec["runs"]), [r.codes() for r in analysis.runs]
    text = report.to_text(analysis, "en")
    for result, want in zip(analysis.runs, spec["runs"]):
        assert sorted(result.codes()) == sorted(want["codes"]), text
        view = run_view(analysis, result)
        for path, expected in want.get("values", {}).items():
            got = resolve(view, path)
            assert matches(got, expected), f"{path}: got {got!r}, expected {expected!r}"
        for needle in want.get("text_contains", []):
            assert needle in text, needle
        for needle in want.get("text_absent", []):
            assert needle not in text, needle
    # every report of a corpus log renders in every language
    for lang in ("es", "fr", "zh-Hant"):
        report.to_text(analysis, lang)
        json.loads(report.to_json(analysis, lang))


def test_corpus_size_and_coverage():
    specs = [expectation(log) for log in LOGS]
    assert len(LOGS) >= 40
    assert KINDS <= {k for s in specs for k in s["kinds"]}, "a kind of issue 14 has no fixture"
    assert COVERED <= {c for s in specs for c in s["covers"]}
    assert set(FORMATS) <= {s.get("format") for s in specs}, "a registered format has no fixture"
    for log, spec in zip(LOGS, specs):
        assert spec.get("about") and ("format" in spec) != ("error" in spec), log.name
