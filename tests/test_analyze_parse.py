"""Parsers: one fixture per format (written here, by the tests), the nanoGPT tolerance list,
concatenated runs, bad input, and a log + metrics.jsonl written by our own trainer."""
import json
import math
import os
import subprocess
import sys

import numpy as np
import pytest

from trainer.analyze.parse import parse_path, parse_text
from trainer.analyze.records import AnalyzeError
from log_fixtures import plateau_log
from trainer.synthetic_log import synthetic_nanogpt_log

NANO = """\
tokens per iteration will be: 16,384
found vocab_size = 65 (inside data/shakespeare_char/meta.pkl)
Initializing a new model from scratch
number of parameters: 10.65M
num decayed parameter tensors: 26, with 10,740,096 parameters
num non-decayed parameter tensors: 13, with 4,992 parameters
using fused AdamW: True
compiling the model... (takes a ~minute)
step 0: train loss 4.2874, val loss 4.2823
iter 0: loss 4.2649, time 29681.44ms, mfu -100.00%
iter 10: loss 3.2232, time 17.14ms, mfu -100.00%
iter 20: loss 2.7861, time 17.18ms, mfu 21.69%
step 250: train loss 1.9685, val loss 2.0658
saving checkpoint to out-shakespeare-char
iter 250: loss 2.0260, time 3411.91ms, mfu 19.53%
"""


def iters(run):
    return list(run.iters)


def test_nanogpt_every_line_kind():
    p = parse_text(NANO)
    assert p.format == "nanogpt" and len(p.runs) == 1
    r = p.runs[0]
    assert iters(r) == [0, 10, 20, 250]
    assert list(r.loss) == [4.2649, 3.2232, 2.7861, 2.0260]
    assert list(r.time_ms) == [29681.44, 17.14, 17.18, 3411.91]
    assert list(r.mfu) == [-100.0, -100.0, 21.69, 19.53]
    assert list(r.eval_steps) == [0, 250]
    assert list(r.eval_train) == [4.2874, 1.9685] and list(r.eval_val) == [4.2823, 2.0658]
    assert r.header["tokens_per_iter"] == 16384
    assert r.header["vocab_size"] == 65 and r.header["n_params_m"] == 10.65 and r.header["compile"] is True


def test_config_echo_and_overrides_are_read_not_executed(tmp_path):
    canary = tmp_path / "canary"
    log = ("Overriding config with config/x.py:\n# a comment\nbatch_size = 16\ngradient_accumulation_steps = 5 * 8\n"
           f"import os; os.system('touch {canary}')\n"
           "Overriding: learning_rate = 1e-3\nOverriding: dtype = float16\n" + NANO)
    r = parse_text(log).runs[0]
    assert r.header["config"] == {"batch_size": 16, "gradient_accumulation_steps": 40, "learning_rate": 1e-3,
                                  "dtype": "float16"}
    assert not canary.exists()


@pytest.mark.parametrize("mangle", [
    lambda l: "2024-05-01 12:00:00,123 - INFO - " + l,    # logging timestamps
    lambda l: "[2024-05-01 12:00:00] " + l,              # bracketed timestamps
    lambda l: "> " + l,                                   # quoted in an issue or an email
    lambda l: l + "   ",                                  # trailing spaces
    lambda l: "\x1b[32m" + l + "\x1b[0m",                 # ANSI colours
    lambda l: "[rank0]: " + l,                            # torchrun prefixes
])
def test_nanogpt_tolerates_decorated_lines(mangle):
    text = "\n".join(mangle(l) for l in NANO.splitlines()) + "\n"
    r = parse_text(text).runs[0]
    assert iters(r) == [0, 10, 20, 250] and list(r.eval_steps) == [0, 250]
    assert r.header["tokens_per_iter"] == 16384


def test_crlf_warnings_tracebacks_and_tqdm_bars():
    lines = NANO.splitlines()
    noisy = (lines[:9] + ["/usr/lib/python3/site-packages/torch/_inductor/utils.py:1: UserWarning: Not enough SMs "
                          "to use max_autotune_gemm mode",
                          "Traceback (most recent call last):", '  File "x.py", line 1, in <module>',
                          "RuntimeError: a recoverable dynamo hiccup",
                          " 45%|####5     | 45/100 [00:01<00:02, 30.0it/s]\r 46%|####6     | 46/100\r" + lines[9]]
             + lines[10:])
    r = parse_text("\r\n".join(noisy) + "\r\n").runs[0]
    assert iters(r) == [0, 10, 20, 250]
    # the traceback was followed by more training: it is an event, but the run did not end there
    assert [e["kind"] for e in r.events] == ["exception"] and r.events[0]["after"] < r.n_records


def test_truncated_last_line():
    r = parse_text(NANO + "iter 260: loss 2.01, tim").runs[0]
    assert r.truncated == "iter 260: loss 2.01, tim" and iters(r)[-1] == 250
    complete = parse_text(NANO.rstrip("\n")).runs[0]  # no final newline, but a complete line
    assert complete.truncated is None and iters(complete)[-1] == 250


def test_concatenated_runs_split_on_headers_and_restarts():
    second = NANO.replace("16,384", "32,768")
    p = parse_text(NANO + second)
    assert len(p.runs) == 2 and [r.header["tokens_per_iter"] for r in p.runs] == [16384, 32768]
    # no header between them: the iteration numbering restarting is enough
    body = "".join(l + "\n" for l in NANO.splitlines() if l.startswith(("iter", "step")))
    p = parse_text(body + body + body)
    assert len(p.runs) == 3 and all(iters(r) == [0, 10, 20, 250] for r in p.runs)


def test_nonfinite_loss_is_remembered_and_cut_runs_split():
    r = parse_text(NANO + "iter 260: loss nan, time 17.00ms, mfu 19.60%\n").runs[0]
    assert r.first_nonfinite == (260, "iter", "nan") and math.isnan(r.loss[-1])


def test_bulk_path_matches_line_by_line_path():
    # the same log with and without a prefix takes the fast path and the general path
    text = "".join(synthetic_nanogpt_log(3000, eval_interval=500))
    fast = parse_text(text).runs[0]
    slow = parse_text("".join("> " + l for l in text.splitlines(True))).runs[0]
    for col in ("iters", "loss", "time_ms", "mfu", "eval_steps", "eval_train", "eval_val"):
        assert list(getattr(fast, col)) == list(getattr(slow, col)), col
    assert len(fast.iters) == 3001


def test_plateau_log_parses():
    r = parse_text(plateau_log()).runs[0]
    assert len(r.eval_steps) == 30 and r.eval_steps[-1] == 14500 and r.eval_val[-1] == 3.5696


# -- llm.c ---------------------------------------------------------------------------------
LLMC_CONSOLE = """\
+-----------------------+----------------------------------------------------+
| device                | NVIDIA A100-SXM4-80GB                              |
num_parameters: 124475904 => bytes: 248951808
val loss 11.009205
step    1/18865 | loss 11.010108 (+nanz)| norm 15.3420 (+nanz)| lr 8.57e-07 | 3452.88 ms | -100.0% bf16 MFU | 151839 tok/s
step    2/18865 | loss 10.941690 (+nanz)| norm 15.1034 (+nanz)| lr 1.71e-06 | 290.11 ms | 56.2% bf16 MFU | 1807185 tok/s
step    3/18865 | loss 10.838251 (-1.57z)| norm 13.9201 (-1.20z)| lr 2.57e-06 | 289.95 ms | 56.3% bf16 MFU | 1807984 tok/s
val loss 10.700001
step    4/18865 | loss 10.700000 (-1.00z)| norm 12.0000 (-1.00z)| lr 3.43e-06 | 290.00 ms | 56.3% bf16 MFU | 1808000 tok/s
"""
LLMC_FILE = "s:0 tel:11.0092\ns:0 trl:11.0101 lr:0.000001 norm:15.34\ns:1 trl:10.9417 lr:0.000002 norm:15.10\n" \
            "s:250 tel:6.1234\ns:250 eval:0.2531\ns:250 trl:6.2000 lr:0.000210 norm:0.50\n"
LLMC_CPU = "val loss 5.325529\nstep 0: train loss 5.356082 (took 1452.121 ms)\nstep 1: train loss 4.301288 (took 1288.673 ms)\n"


def test_llmc_console():
    p = parse_text(LLMC_CONSOLE)
    r = p.runs[0]
    assert p.format == "llmc" and iters(r) == [1, 2, 3, 4]
    assert list(r.loss) == [11.010108, 10.94169, 10.838251, 10.7]
    assert list(r.time_ms) == [3452.88, 290.11, 289.95, 290.0]
    # kept as printed: -100% is llm.c's "no peak for this GPU", a sentinel the format declares (LlmC.mfu_sentinel)
    assert r.mfu[0] == -100.0 and r.mfu[1] == 56.2
    assert list(r.lr) == [8.57e-07, 1.71e-06, 2.57e-06, 3.43e-06] and r.grad_norm[0] == 15.342
    assert list(r.eval_steps) == [0, 3] and list(r.eval_val) == [11.009205, 10.700001]
    assert r.header["max_steps"] == 18865 and r.header["n_params"] == 124475904
    assert r.header["device"] == "NVIDIA A100-SXM4-80GB"


def test_llmc_log_file_and_cpu_console():
    r = parse_text(LLMC_FILE).runs[0]
    assert iters(r) == [0, 1, 250] and list(r.eval_steps) == [0, 250] and list(r.eval_val) == [11.0092, 6.1234]
    assert list(r.lr) == [0.000001, 0.000002, 0.00021]
    r = parse_text(LLMC_CPU, format_hint="llmc").runs[0]
    assert iters(r) == [0, 1] and list(r.eval_steps) == [0] and list(r.time_ms) == [1452.121, 1288.673]


# -- modded-nanogpt ------------------------------------------------------------------------
MODDED_WITH_LOSS = """\
import os
print0(f"step:{step}/{train_steps} val_loss:{val_loss:.4f} train_time:{training_time_ms:.0f}ms")
step:0/3200 val_loss:10.8258 train_time:0ms step_avg:nanms
step:1/3200 train_loss:10.8258 train_time:22593ms step_avg:nanms
step:11/3200 train_loss:8.2013 train_time:2452ms step_avg:245.20ms
step:12/3200 train_loss:7.9012 train_time:2697ms step_avg:224.75ms
step:125/3200 val_loss:4.3162 train_time:27998ms step_avg:241.36ms
"""
MODDED_NO_LOSS = """\
step:0/1750 val_loss:10.8258 train_time:0ms step_avg:0.03ms
step:1/1750 train_time:146ms step_avg:146.21ms
step:2/1750 train_time:249ms step_avg:124.28ms
step:3/1750 train_time:351ms step_avg:117.05ms
step:250/1750 val_loss:4.1002 train_time:25350ms step_avg:101.40ms
"""


def test_modded_nanogpt_with_and_without_train_loss():
    p = parse_text(MODDED_WITH_LOSS)
    r = p.runs[0]
    assert p.format == "modded-nanogpt" and iters(r) == [1, 11, 12]
    assert list(r.loss) == [10.8258, 8.2013, 7.9012]
    assert r.time_ms[2] == 245.0  # from the cumulative train_time: 2697 - 2452
    assert list(r.eval_steps) == [0, 125] and list(r.eval_val) == [10.8258, 4.3162]
    r = parse_text(MODDED_NO_LOSS).runs[0]
    assert iters(r) == [1, 2, 3] and all(math.isnan(x) for x in r.loss) and r.first_nonfinite is None
    assert list(r.time_ms) == [146.21, 103.0, 102.0] and r.header["max_steps"] == 1750


# -- build-nanogpt -------------------------------------------------------------------------
BUILD = """\
using device: cuda
total desired batch size: 524288
=> calculated gradient accumulation steps: 32
validation loss: 10.9834
HellaSwag accuracy: 2534/10042=0.2523
step     0 | loss: 10.955029 | lr 8.3916e-07 | norm: 15.4105 | dt: 70683.53ms | tok/sec: 7417.50
step     1 | loss: 10.891701 | lr 1.6783e-06 | norm: 14.1224 | dt: 355.31ms | tok/sec: 1475581.99
rank 0 sample 0: Hello, I'm a language model,
step     2 | loss: 10.800000 | lr 2.5175e-06 | norm: 13.0000 | dt: 354.00ms | tok/sec: 1481000.00
validation loss: 6.1000
step   250 | loss: 6.100000 | lr 2.0979e-04 | norm: 0.5000 | dt: 9354.00ms | tok/sec: 56000.00
"""
BUILD_FILE = "0 val 10.9834\n0 hella 0.2523\n0 train 10.955029\n1 train 10.891701\n250 val 6.1000\n250 train 6.100000\n"


def test_build_nanogpt_console_and_log_file():
    p = parse_text(BUILD)
    r = p.runs[0]
    assert p.format == "build-nanogpt" and iters(r) == [0, 1, 2, 250]
    assert list(r.time_ms) == [70683.53, 355.31, 354.0, 9354.0] and r.lr[1] == 1.6783e-06
    assert list(r.eval_steps) == [0, 250] and list(r.eval_val) == [10.9834, 6.1]
    assert r.header["tokens_per_iter"] == 524288
    r = parse_text(BUILD_FILE).runs[0]
    assert iters(r) == [0, 1, 250] and list(r.eval_steps) == [0, 250]


# -- metrics.jsonl -------------------------------------------------------------------------
def test_metrics_jsonl_records():
    recs = [{"kind": "config", "config": {"batch_size": 4, "n_layer": 2, "bogus_key": 1}, "model_args": {"vocab_size": 65},
             "num_params": 1000, "tokens_per_iter": 64, "train_tokens": 7000, "world_size": 1, "resumed_from": None},
            {"kind": "eval", "iter": 0, "train_loss": 4.2, "val_loss": 4.21},
            {"kind": "iter", "iter": 0, "loss": 4.3, "lr": 1e-4, "grad_norm": 1.5, "dt_ms": 100.0, "mfu_a100": None,
             "mfu_device": None},
            {"kind": "iter", "iter": 1, "loss": 4.1, "lr": 2e-4, "grad_norm": 1.2, "dt_ms": 50.0, "mfu_a100": 0.12,
             "mfu_device": 0.4},
            {"kind": "error", "iter": 2, "error": "loss is nan", "lr": 3e-4}]
    p = parse_text("".join(json.dumps(r) + "\n" for r in recs))
    r = p.runs[0]
    assert p.format == "metrics-jsonl" and iters(r) == [0, 1]
    assert math.isnan(r.mfu[0]) and r.mfu[1] == pytest.approx(12.0)
    assert list(r.lr) == [1e-4, 2e-4] and list(r.eval_steps) == [0]
    assert r.header["config"] == {"batch_size": 4, "n_layer": 2}
    assert r.header["vocab_size"] == 65 and r.header["train_tokens"] == 7000
    assert r.first_nonfinite == (2, "iter", "loss is nan")


# -- bad input -----------------------------------------------------------------------------
@pytest.mark.parametrize("content, message", [
    (b"", "is empty"),
    (b"\n  \n\t\n", "is empty"),
    (bytes(range(256)) * 40, "binary"),
    (b"\x89PNG\r\n\x1a\n" + b"\x00" * 100, "binary"),
    (b"{'loss': 2.31, 'learning_rate': 5e-05, 'epoch': 0.1}\n" * 20, "not a training log"),  # HF Trainer
    (b"Epoch 1/10\n100/100 [====] - 3s 30ms/step - loss: 0.5\n", "not a training log"),  # Keras
])
def test_bad_input_is_an_analyze_error(tmp_path, content, message):
    path = tmp_path / "x.log"
    path.write_bytes(content)
    with pytest.raises(AnalyzeError, match=message):
        parse_path(str(path))


def test_missing_file_and_directory(tmp_path):
    with pytest.raises(AnalyzeError, match="not found"):
        parse_path(str(tmp_path / "nope.log"))
    with pytest.raises(AnalyzeError, match="directory"):
        parse_path(str(tmp_path))


def test_utf16_log_from_powershell(tmp_path):
    path = tmp_path / "ps.log"
    path.write_bytes(NANO.encode("utf-16"))
    assert iters(parse_path(str(path)).runs[0]) == [0, 10, 20, 250]


def test_unknown_format_hint():
    with pytest.raises(AnalyzeError, match="unknown format"):
        parse_text(NANO, format_hint="tensorboard")


# -- our own trainer ---------------------------------------------------------------------------
@pytest.fixture(scope="module")
def trainer_run(tmp_path_factory):
    """A real `python -m trainer train` run on a tiny dataset: its train.log and metrics.jsonl."""
    root = tmp_path_factory.mktemp("tinyrun")
    data = root / "data"
    data.mkdir()
    from trainer.data.bins import char_meta, write_meta, write_tokens
    text = "to be or not to be, that is the question. " * 300
    chars = sorted(set(text))
    ids = np.array([chars.index(c) for c in text])
    write_tokens(str(data / "train.bin"), ids[:11000])
    write_tokens(str(data / "val.bin"), ids[11000:])
    write_meta(str(data / "meta.pkl"), char_meta(chars))
    out = root / "out"
    cmd = [sys.executable, "-m", "trainer", "train", f"--data_dir={data}", f"--out_dir={out}", "--device=cpu",
           "--compile=False", "--n_layer=1", "--n_head=2", "--n_embd=16", "--block_size=16", "--batch_size=4",
           "--gradient_accumulation_steps=1", "--max_iters=12", "--eval_interval=4", "--eval_iters=2",
           "--log_interval=1", "--warmup_iters=2", "--lr_decay_iters=12"]
    proc = subprocess.run(cmd, capture_output=True, text=True, timeout=300, cwd=os.getcwd())
    assert proc.returncode == 0, proc.stderr
    return out, len(chars)


def test_our_trainer_log_and_metrics_agree(trainer_run):
    out, vocab = trainer_run
    log = parse_path(str(out / "train.log"))
    metrics = parse_path(str(out / "metrics.jsonl"))
    assert log.format == "nanogpt" and metrics.format == "metrics-jsonl"
    a, b = log.runs[0], metrics.runs[0]
    assert iters(a) == iters(b) == list(range(13))
    assert list(a.eval_steps) == list(b.eval_steps) == [0, 4, 8, 12]
    # the console prints 4 decimals; metrics.jsonl has the full floats
    assert np.allclose(list(a.loss), list(b.loss), atol=5e-5)
    assert np.allclose(list(a.eval_val), list(b.eval_val), atol=5e-5)
    assert a.header["vocab_size"] == b.header["vocab_size"] == vocab
    assert a.header["config"]["max_iters"] == b.header["config"]["max_iters"] == 12
    assert b.header["train_tokens"] == 11000
