"""Reports: the JSON schema, the localized evidence table, text, messages in every language, the plot."""
import json
import math
import re
import string

import pytest

from test_analyze_findings import OOM, healthy_val, nano, u_shape
from trainer.analyze import analyze, report
from trainer.analyze.findings import CODES
from trainer.analyze.messages import message
from log_fixtures import plateau_config, plateau_log
from trainer.i18n import LANGS
from trainer.analyze.messages import CATALOG, LABELS


@pytest.fixture(scope="module")
def plateau_run(tmp_path_factory):
    d = tmp_path_factory.mktemp("plateau")
    (d / "config.py").write_text(plateau_config())
    return analyze(text=plateau_log(), config=str(d / "config.py"), device_name="RTX 4070")


def _every_finding():
    """Findings of every code and every message variant."""
    def spike_nan(it, rng):
        return float("nan") if it >= 2500 else healthy_val(it) + (3.0 if it == 1500 else 0.0) + rng.gauss(0, 0.02)

    def rose(it, rng):
        return (healthy_val(it) if it < 1500 else healthy_val(1500) + 0.5) + rng.gauss(0, 0.02)

    def above_random(it, rng):
        return (1.5 if it < 1000 else 6.0) + rng.gauss(0, 0.02)

    llmc = "val loss 3.2000\n" + "".join(
        f"step {i:4d}/100 | loss {3.4 - i * 0.001:.6f} (+0.00z)| norm 0.5000 (+0.00z)| lr 1.00e-04 | 100.00 ms | "
        f"4.0% bf16 MFU | 1000 tok/s\n" + ("val loss 3.2000\n" if i % 10 == 0 else "") for i in range(1, 41))
    logs = [
        (plateau_log(), {"device_name": "RTX 4070"}),
        (nano(iter_loss=spike_nan, config="learning_rate = 1e-3\n"), {}),
        (nano(iter_loss=rose, eval_ms=3000.0, compile_ms=40_000.0), {"device_name": "H100"}),
        (nano(iter_loss=above_random, config="compile = False\n", compile_ms=40_000.0), {}),
        (nano(val=u_shape, train=lambda s: 2.4 + 0.5 * math.exp(-s / 400) - 0.00003 * s,
              config="batch_size = 16\nalways_save_checkpoint = True\n", tail=OOM), {}),
        (nano(train=lambda s: healthy_val(s) + 0.0005, tail="iter 3010: loss 2.1"), {}),
        (nano(tail="KeyboardInterrupt\n"), {}),
        (nano(tail="Killed\n"), {}),
        (nano(tail="Traceback (most recent call last):\nValueError: bad shard\n"), {}),
        ("tokens per iteration will be: 524,288\n" + OOM, {}),
        ("tokens per iteration will be: 524,288\nKeyboardInterrupt\n", {}),  # stopped before any record
        (llmc, {}),
        # memorization: the train loss goes to ~0 on 200k tokens
        (nano(val=lambda s: 2.0 + 0.001 * s, train=lambda s: max(0.012, 3.0 * math.exp(-s / 300)),
              iter_loss=lambda it, rng: max(0.004, 3.0 * math.exp(-it / 300) + rng.gauss(0, 0.002))),
         {"data_tokens": 200_000}),
        # resumed: killed at 1000, resumed from the checkpoint at 750
        (nano(last=1000, tail="Killed\n") + nano(first_iter=750, last=1500, config="init_from = 'resume'\n"), {}),
    ]
    found = []
    for text, kw in logs:
        for r in analyze(text=text, **kw).runs:
            found += r.findings
    return found


EVERY = _every_finding()


def test_the_fixtures_cover_every_code_and_variant():
    assert {f.code for f in EVERY} == set(CODES)
    variants = {(f.code, f.variant) for f in EVERY}
    for v in ("eval_split_difference", "eval_sampling_noise", "train_split_difference"):
        assert ("val_below_train", v) in variants
    for v in ("rose", "above_random"):
        assert ("loss_divergence", v) in variants
    for v in ("keyboard", "killed", "exception", "incomplete"):
        assert ("interrupted", v) in variants
    for v in ("startup", "training"):
        assert ("oom", v) in variants


@pytest.mark.parametrize("lang", LANGS)
def test_every_message_renders_in_every_language(lang):
    for f in EVERY:
        text = message(f, lang)
        assert text and "{" not in text and "}" not in text, (f.code, text)


def _fields(template):
    return {name for _, name, _, _ in string.Formatter().parse(template) if name}


@pytest.mark.parametrize("catalog", [CATALOG, LABELS], ids=["messages", "labels"])
def test_catalogs_are_complete_and_consistent(catalog):
    for key, texts in catalog.items():
        assert set(texts) == set(LANGS), key
        fields = {lang: _fields(t) for lang, t in texts.items()}
        assert all(f == fields["en"] for f in fields.values()), (key, fields)


def test_french_typography():
    for key, texts in CATALOG.items():
        fr = texts["fr"]
        # a no-break space before ':' and a narrow one before ';' (never a plain space or none)
        assert not re.search(r"[^\u00a0\u202f]:(\s|$)", fr.replace("http:", "")), key
        assert not re.search(r"[^\u202f];", fr), key


def test_json_schema_is_exact(plateau_run):
    doc = json.loads(report.to_json(plateau_run), parse_constant=lambda c: pytest.fail(f"non-JSON constant {c}"))
    assert set(doc) == {"format", "runs"} and doc["format"] == "nanogpt"
    run = doc["runs"][0]
    assert set(run) == {"iters", "evals", "findings", "facts"}
    assert all(set(i) == {"iter", "loss", "time_ms", "mfu"} for i in run["iters"])
    assert all(set(e) == {"step", "train_loss", "val_loss"} for e in run["evals"])
    assert all(set(f) == {"code", "severity", "steps", "evidence", "message"} for f in run["findings"])
    first = re.search(r"^iter 0: loss (\S+), time (\S+)ms, mfu -100.00%$", plateau_log(), re.M)
    assert run["iters"][0] == {"iter": 0, "loss": float(first[1]), "time_ms": float(first[2]), "mfu": None}
    assert run["evals"][-1] == {"step": 14500, "train_loss": 3.6415, "val_loss": 3.5696}
    assert run["facts"]["tokens_seen"] == 7_602_176_000
    assert {f["severity"] for f in run["findings"]} <= {"error", "warning", "info"}


def test_json_nonfinite_values_are_null():
    def nan_late(it, rng):
        return float("nan") if it >= 2500 else 3.0
    doc = json.loads(report.to_json(analyze(text=nano(iter_loss=nan_late))))
    assert doc["runs"][0]["iters"][-1]["loss"] is None


def test_json_message_language(plateau_run):
    doc = json.loads(report.to_json(plateau_run, lang="es"))
    plateau = next(f for f in doc["runs"][0]["findings"] if f["code"] == "plateau")
    assert plateau["message"].startswith("Meseta") and "13\u00a0500" in plateau["message"]


@pytest.mark.parametrize("lang, head", [
    ("en", "| step | train loss | val loss | lr | tokens seen | comment |"),
    ("es", "| paso | pérdida de entrenamiento | pérdida de validación | LR | tokens vistos | comentario |"),
    ("fr", "| pas | perte d’entraînement | perte de validation | LR | jetons vus | commentaire |"),
    ("zh-Hant", "| 步數 | 訓練損失 | 驗證損失 | 學習率 | 已見 token 數 | 備註 |"),
])
def test_markdown_evidence_table(plateau_run, lang, head):
    md = report.to_markdown(plateau_run, lang)
    lines = md.splitlines()
    i = lines.index(head)
    assert lines[i + 1] == "|---:|---:|---:|---:|---:|:---|"
    rows = [l for l in lines[i + 2:] if l.startswith("|")]
    assert 5 <= len(rows) <= 16
    assert "`plateau`" in md and "`val_below_train`" in md


def test_markdown_table_content_en(plateau_run):
    md = report.to_markdown(plateau_run, "en")
    assert "| 13,500 | 3.6440 | 3.5681 | 3.60e-4 | 7.1 billion | **lowest val**; val < train |" in md
    assert "| 14,500 | 3.6415 | 3.5696 | 2.92e-4 | 7.6 billion |" in md
    assert "| 0 | 10.8712 | 10.8700 | 5.00e-7 | 0 | start; ≈ ln(vocab) = 10.83: uniform guess; val < train |" in md
    assert "- tokens per parameter: 187.4 (9.4× Chinchilla's ~20)" in md


def test_text_colour_only_when_asked(plateau_run):
    plain = report.to_text(plateau_run, "en")
    assert "\x1b[" not in plain and "[warning] plateau" in plain
    assert "\x1b[33;1m[warning] plateau" in report.to_text(plateau_run, "en", color=True)


def test_plot_is_deterministic_and_marks_findings(plateau_run, tmp_path):
    from trainer.analyze.plot import draw
    a, b = tmp_path / "a.svg", tmp_path / "b.svg"
    draw(plateau_run, str(a), "en")
    draw(plateau_run, str(b), "en")
    svg = a.read_bytes()
    assert svg == b.read_bytes() and svg.lstrip().startswith(b"<?xml")
    assert b"<!-- plateau -->" in svg and b"<!-- val loss -->" in svg


def test_plot_in_chinese(plateau_run, tmp_path):
    from trainer import plots
    from trainer.analyze.plot import draw
    try:
        draw(plateau_run, str(tmp_path / "zh.svg"), "zh-Hant")
    except plots.FontError as e:  # make setup installs the font; a skip would hide a broken zh-Hant plot
        pytest.fail(f"{e}: run `make setup` as root or with sudo")
    assert "驗證損失".encode() in (tmp_path / "zh.svg").read_bytes()
