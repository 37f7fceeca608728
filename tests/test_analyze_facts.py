"""Config-aware facts, and the plateau fixture with the numbers the issue expects."""
import pytest

from trainer.analyze import AnalyzeError, analyze
from log_fixtures import plateau_config, plateau_log
from trainer.sizing import get_lr


@pytest.fixture(scope="module")
def plateau_run(tmp_path_factory):
    d = tmp_path_factory.mktemp("plateau")
    (d / "train.log").write_text(plateau_log())
    (d / "config.py").write_text(plateau_config())
    return d


def test_plateau_scenario(plateau_run):
    a = analyze(str(plateau_run / "train.log"), config=str(plateau_run / "config.py"), device_name="RTX 4070")
    assert a.format == "nanogpt" and len(a.runs) == 1
    r = a.runs[0]
    f = r.facts
    assert f["config_source"] == "file"
    assert f["tokens_per_iter"] == 524_288 == f["tokens_per_iter_log"]
    assert f["tokens_seen"] == 7_602_176_000 and f["last_eval_step"] == 14_500      # ~7.6 B tokens at 14,500
    assert f["n_params"] == 40_560_000 == f["n_params_log"]                         # 40.56M
    assert f["tokens_per_param"] == pytest.approx(187.43, abs=0.01)                 # ~187 tokens per parameter
    assert f["chinchilla_multiple"] == pytest.approx(9.37, abs=0.01)                # ~9x Chinchilla's 20
    # plateau (or overfitting) with the best step at 13,500
    best = [x.evidence["best_step"] for x in r.findings if x.code in ("plateau", "overfitting")]
    assert best and set(best) == {13_500}
    # val < train at 14,500, from the eval-mode step line: not dropout, but the splits or sampling noise
    vbt = r.finding("val_below_train")
    assert vbt.evidence["step"] == 14_500 and vbt.evidence["line"] == "step" and vbt.evidence["mode"] == "eval"
    assert vbt.evidence["mechanisms"] == ["split_difference", "sampling_noise"]
    assert vbt.evidence["train_loss"] == 3.6415 and vbt.evidence["val_loss"] == 3.5696
    # nanoGPT's ~11% is against an A100; on the RTX 4070's own peak it is ~5.35 times that
    ref = r.finding("mfu_reference")
    assert 11 <= ref.evidence["mfu_pct"] <= 12
    assert ref.evidence["device"] == "RTX 4070" and ref.evidence["device_peak_tflops"] == pytest.approx(58.3)
    assert ref.evidence["mfu_device_pct"] == pytest.approx(ref.evidence["mfu_pct"] * 312 / 58.3)
    assert f["mfu"]["renormalized_device_pct"] == pytest.approx(ref.evidence["mfu_device_pct"])


def test_lr_at_every_eval_is_get_lr(plateau_run):
    r = analyze(str(plateau_run / "train.log"), config=str(plateau_run / "config.py")).runs[0]
    evals = r.facts["evals"]
    assert [e["step"] for e in evals] == list(range(0, 14_501, 500))
    for e in evals:
        assert e["lr"] == get_lr(e["step"], 1e-3, 2000, 20_000, 1e-4)
        assert e["tokens_seen"] == e["step"] * 524_288
    # cosine from 1e-3 to 1e-4 between 2,000 and 20,000: at 14,500 it is still ~2.9e-4
    assert r.facts["lr_at_last_eval"] == pytest.approx(2.919e-4, rel=1e-3)


def test_mfu_recomputed_matches_the_printed_one(plateau_run):
    r = analyze(str(plateau_run / "train.log"), config=str(plateau_run / "config.py"), device_name="RTX 4070").runs[0]
    mfu = r.facts["mfu"]
    assert mfu["flops_per_token"] == 299_983_104  # 6N + 12 L H Q T for 40.56M params
    assert mfu["recomputed_a100_pct"] == pytest.approx(mfu["printed_pct"], abs=0.5)
    assert mfu["recomputed_device_pct"] == pytest.approx(mfu["recomputed_a100_pct"] * 312 / 58.3)


def test_epochs_from_data_tokens_or_data_dir(plateau_run, tmp_path):
    r = analyze(str(plateau_run / "train.log"), config=str(plateau_run / "config.py"), data_tokens=3_000_000_000).runs[0]
    assert r.facts["epochs"] == pytest.approx(7_602_176_000 / 3e9)
    assert r.facts["evals"][2]["epochs"] == pytest.approx(1000 * 524_288 / 3e9)
    data = tmp_path / "data"
    data.mkdir()
    (data / "train.bin").write_bytes(b"\x01\x00" * 1_000_000)
    (data / "val.bin").write_bytes(b"\x01\x00" * 1000)
    r = analyze(str(plateau_run / "train.log"), config=str(plateau_run / "config.py"), data_dir=str(data)).runs[0]
    assert r.facts["data_tokens"] == 1_000_000 and r.facts["data_source"] == "data_dir"
    assert r.facts["epochs"] == pytest.approx(7602.176)


def test_facts_from_the_config_the_log_echoes(plateau_run):
    r = analyze(str(plateau_run / "train.log")).runs[0]
    assert r.facts["config_source"] == "log"
    assert r.facts["n_params"] == 40_560_000 and r.facts["tokens_seen"] == 7_602_176_000


def test_no_config_keeps_log_facts_only():
    log = "tokens per iteration will be: 16,384\nnumber of parameters: 10.65M\nstep 0: train loss 4.2, val loss 4.2\n" \
          "iter 0: loss 4.2, time 10.00ms, mfu -100.00%\nstep 500: train loss 1.5, val loss 1.6\n"
    f = analyze(text=log).runs[0].facts
    assert f["tokens_per_iter_source"] == "log" and f["tokens_seen"] == 500 * 16_384
    assert "n_params" not in f and f["n_params_log"] == 10_650_000 and "tokens_per_param" in f


def test_gpt2_init_uses_gpt2_shapes(tmp_path):
    cfg = tmp_path / "ft.py"
    cfg.write_text("init_from = 'gpt2'\nbatch_size = 1\ngradient_accumulation_steps = 32\n")
    log = "step 0: train loss 4.0, val loss 4.0\niter 0: loss 4.0, time 10.00ms, mfu -100.00%\n"
    f = analyze(text=log, config=str(cfg)).runs[0].facts
    assert f["n_params"] == 123_653_376 and f["vocab_size"] == 50257  # from_pretrained('gpt2'): 123.65M
    assert f["tokens_per_iter"] == 32_768


def test_lr_from_logs_that_print_it():
    log = "".join(f"s:{i} trl:{3 - i / 100:.4f} lr:{i * 1e-5:.6f} norm:0.50\n" + (f"s:{i} tel:3.0\n" if i % 5 == 0 else "")
                  for i in range(1, 21))
    f = analyze(text=log).runs[0].facts
    assert [e.get("lr") for e in f["evals"]] == [pytest.approx(i * 1e-5) for i in (5, 10, 15, 20)]


@pytest.mark.parametrize("kwargs, message", [
    ({"device_name": "Voodoo 3"}, "unknown GPU"),
    ({"config": "/nonexistent/config.py"}, "not found"),
    ({"data_tokens": 0}, "positive"),
    ({"data_tokens": 5, "data_dir": "x"}, "not both"),
    ({"data_dir": "/nonexistent/data"}, "not found"),
])
def test_bad_options(plateau_run, kwargs, message):
    with pytest.raises(AnalyzeError, match=message):
        analyze(str(plateau_run / "train.log"), **kwargs)


def test_config_that_would_run_code_is_refused(plateau_run, tmp_path):
    bad = tmp_path / "evil.py"
    bad.write_text("import os\nos.system('echo hi')\n")
    with pytest.raises(AnalyzeError, match="only 'name = literal'"):
        analyze(str(plateau_run / "train.log"), config=str(bad))
