"""Every finding code, with a log that must raise it and one that must not."""
import math

import pytest

from trainer.analyze import analyze
from trainer.analyze.findings import CODES
from trainer.analyze.messages import message
from log_fixtures import plateau_log
from trainer.synthetic_log import nanogpt_header, nanogpt_log_lines

FLOPS = 1.0e12  # per iteration; with dt=100 ms the raw MFU is ~3.2% of an A100


def healthy_val(s):
    return 2.0 + 2.5 * math.exp(-s / 3000)


def nano(val=healthy_val, train=None, iter_loss=None, last=3000, eval_interval=250, log_interval=10, dt=100.0,
         eval_ms=0.0, compile_ms=0.0, flops=FLOPS, config=None, noise=0.02, seed=0, tail="", first_iter=0):
    """A nanoGPT console log; train defaults to slightly below val (a healthy run)."""
    train = train or (lambda s: val(s) - 0.01)
    iter_loss = iter_loss or (lambda it, rng: train(it) + 0.01 + rng.gauss(0.0, noise))
    header = nanogpt_header(16384, 10_650_000, config_file="config/x.py" if config else None, config_text=config,
                            vocab_line="found vocab_size = 65 (inside data/shakespeare_char/meta.pkl)")
    lines = nanogpt_log_lines(last, val_at=val, train_at=train, iter_loss_at=iter_loss, dt_ms=dt, eval_ms=eval_ms,
                              compile_ms=compile_ms, flops_per_iter=flops, eval_interval=eval_interval,
                              log_interval=log_interval, header=header, seed=seed, first_iter=first_iter)
    return "".join(lines) + tail


def run_of(text, **kw):
    return analyze(text=text, **kw).runs[0]


def codes(text, **kw):
    return run_of(text, **kw).codes()


def test_healthy_run_has_only_the_mfu_notes():
    assert codes(nano()) == ["mfu_warmup_sentinel", "mfu_reference"]


def test_every_code_is_tested_here():
    names = {name[len("test_"):].split("__")[0] for name in globals() if name.startswith("test_")}
    assert set(CODES) <= names


# -- plateau ------------------------------------------------------------------------------------
def test_plateau():
    flat = nano(val=lambda s: 3.0 + 1.0 * math.exp(-s / 300))
    f = run_of(flat).finding("plateau")
    assert f is not None and f.severity == "warning"
    assert f.evidence["window_end"] == 3000 and f.evidence["improvement"] < f.evidence["threshold"]
    assert f.evidence["window_start"] in f.steps and f.evidence["best_step"] in f.steps


def test_plateau__not_while_improving():
    assert "plateau" not in codes(nano())


# -- overfitting ---------------------------------------------------------------------------------
def u_shape(s):
    return 2.5 + 0.5 * math.exp(-s / 400) + 0.00004 * max(0, s - 2000)  # +0.04 after step 2000


def test_overfitting():
    f = run_of(nano(val=u_shape, train=lambda s: 2.4 + 0.5 * math.exp(-s / 400) - 0.00003 * s)).finding("overfitting")
    assert f is not None and f.evidence["best_step"] == 2000 and f.steps == [2000, 3000]
    assert f.evidence["rise"] > f.evidence["threshold"] and f.evidence["train_last"] < f.evidence["train_at_best"]


def test_overfitting__not_when_train_rises_too_or_within_noise():
    assert "overfitting" not in codes(nano(val=u_shape, train=lambda s: u_shape(s) - 0.01))
    plateau_run = run_of(plateau_log())  # val 3.5681 -> 3.5696: a rise well inside the noise
    assert "overfitting" not in plateau_run.codes() and plateau_run.finding("plateau").evidence["best_step"] == 13500


# -- val_below_train ---------------------------------------------------------------------------------
def test_val_below_train():
    f = run_of(plateau_log()).finding("val_below_train")
    assert f.evidence["step"] == 14500 and 14500 in f.steps
    assert f.evidence["line"] == "step" and f.evidence["mode"] == "eval"
    assert "dropout" not in f.evidence["mechanisms"] and f.evidence["likely"] == "split_difference"


def test_val_below_train__within_noise_says_so():
    f = run_of(nano(train=lambda s: healthy_val(s) + 0.0005)).finding("val_below_train")
    assert f.evidence["likely"] == "sampling_noise" and f.variant == "eval_sampling_noise"


def test_val_below_train__train_mode_line_in_llmc():
    log = "val loss 3.2000\n" + "".join(
        f"step {i:4d}/100 | loss {3.4 - i * 0.001:.6f} (+0.00z)| norm 0.5000 (+0.00z)| lr 1.00e-04 | 100.00 ms | "
        f"40.0% bf16 MFU | 1000 tok/s\n" + ("val loss 3.2000\n" if i % 10 == 0 else "") for i in range(1, 41))
    f = run_of(log).finding("val_below_train")
    # llm.c's train loss is train mode, averaged while the weights change; its GPT-2 has no dropout
    assert f.evidence["mode"] == "train" and f.evidence["line"] == "train_step"
    assert f.evidence["mechanisms"] == ["measured_during_update", "split_difference", "sampling_noise"]


def test_val_below_train__not_when_train_is_lower():
    assert "val_below_train" not in codes(nano())


# -- divergence ------------------------------------------------------------------------------------
def test_nan_divergence():
    def loss(it, rng):
        return float("nan") if it >= 2000 else healthy_val(it) + rng.gauss(0, 0.02)
    f = run_of(nano(iter_loss=loss, config="learning_rate = 1e-3\n")).finding("nan_divergence")
    assert f.severity == "error" and f.steps == [2000] and f.evidence["last_finite_step"] == 1990
    assert f.evidence["lr"] > 0


def test_nan_divergence__not_in_a_finite_run():
    assert "nan_divergence" not in codes(nano())


def test_loss_divergence():
    def rose(it, rng):
        return (healthy_val(it) if it < 1500 else healthy_val(1500) + 0.5) + rng.gauss(0, 0.02)
    f = run_of(nano(iter_loss=rose)).finding("loss_divergence")
    assert f is not None and f.variant == "rose" and 1490 <= f.evidence["step"] <= 1700

    def above_random(it, rng):  # vocab 65: ln(65) = 4.17
        return (1.5 if it < 1000 else 6.0) + rng.gauss(0, 0.02)
    f = run_of(nano(iter_loss=above_random)).finding("loss_divergence")
    assert f.variant == "above_random" and f.evidence["vocab_size"] == 65


def test_loss_divergence__not_for_a_spike_that_recovers():
    def spike(it, rng):
        return healthy_val(it) + (3.0 if it == 1500 else 0.0) + rng.gauss(0, 0.02)
    assert "loss_divergence" not in codes(nano(iter_loss=spike))


def test_loss_spike():
    def spike(it, rng):
        return healthy_val(it) + (3.0 if it == 1500 else 0.0) + rng.gauss(0, 0.02)
    f = run_of(nano(iter_loss=spike)).finding("loss_spike")
    assert f.steps == [1500] and f.evidence["largest"]["jump"] == pytest.approx(3.0, abs=0.1)


def test_loss_spike__not_for_noise_or_the_steep_start():
    def steep(it, rng):  # from ln(50304) = 10.8 down to ~2 within the first hundred iterations
        return 2.0 + 8.8 * math.exp(-it / 30) + rng.gauss(0, 0.05)
    assert "loss_spike" not in codes(nano(iter_loss=steep, log_interval=1, noise=0.05))


# -- crashes and endings ----------------------------------------------------------------------------------
OOM = ("Traceback (most recent call last):\n  File \"train.py\", line 300, in <module>\n"
       "torch.OutOfMemoryError: CUDA out of memory. Tried to allocate 2.00 GiB. GPU 0 has a total capacity of 11.72 GiB\n")


def test_oom():
    f = run_of(nano(config="batch_size = 16\ngradient_accumulation_steps = 32\n", tail=OOM)).finding("oom")
    assert f.severity == "error" and f.evidence["phase"] == "training" and f.steps == [3000]
    assert (f.evidence["suggested_batch_size"], f.evidence["suggested_accumulation"]) == (8, 64)
    startup = run_of("tokens per iteration will be: 524,288\nnumber of parameters: 123.59M\n" + OOM).finding("oom")
    assert startup.evidence["phase"] == "startup" and startup.steps == []


def test_oom__not_in_a_clean_run():
    assert "oom" not in codes(nano())


def test_interrupted():
    r = run_of(nano(tail="^CTraceback (most recent call last):\n  File \"train.py\", line 1\nKeyboardInterrupt\n"))
    assert r.finding("interrupted").evidence["kind"] == "keyboard"
    assert run_of(nano(tail="Killed\n")).finding("interrupted").severity == "error"
    crash = run_of(nano(tail="Traceback (most recent call last):\n  File \"x\"\nValueError: bad shard\n"))
    assert crash.finding("interrupted").evidence["text"] == "ValueError: bad shard"
    early = run_of(nano(config="max_iters = 5000\n")).finding("interrupted")
    assert early.variant == "incomplete" and early.evidence["progress"] == pytest.approx(0.6)


def test_interrupted__not_when_complete_or_recovered():
    assert "interrupted" not in codes(nano(config="max_iters = 3000\n"))
    mid = nano(last=1000) + "Traceback (most recent call last):\nRuntimeError: recoverable\n" + \
        "".join(l for l in nano(first_iter=1001, last=2000).splitlines(True) if l.startswith(("iter", "step")))
    assert "interrupted" not in codes(mid)


def test_truncated():
    f = run_of(nano() + "iter 3010: loss 2.1").finding("truncated")
    assert f.evidence["line"] == "iter 3010: loss 2.1" and f.steps == [3000]


def test_truncated__not_for_a_complete_file():
    assert "truncated" not in codes(nano())
    assert "truncated" not in codes(nano().rstrip("\n"))


# -- time and MFU ---------------------------------------------------------------------------------------
def test_eval_time_spike():
    f = run_of(nano(eval_ms=3000.0)).finding("eval_time_spike")
    assert f.evidence["count"] == 12 and f.steps[0] == 250
    assert f.evidence["overhead_ms"] == pytest.approx(3000, rel=0.05) and f.evidence["mfu_dip_pct"] > 0


def test_eval_time_spike__not_when_evals_are_cheap():
    assert "eval_time_spike" not in codes(nano(eval_ms=20.0))


def test_compile_warmup():
    f = run_of(nano(compile_ms=40_000.0)).finding("compile_warmup")
    assert f.steps == [0] and f.evidence["includes_eval"] and f.evidence["ratio"] > 100


def test_compile_warmup__not_without_a_slow_first_iteration():
    assert "compile_warmup" not in codes(nano())


def test_mfu_warmup_sentinel():
    f = run_of(nano(log_interval=1)).finding("mfu_warmup_sentinel")
    assert f.evidence["count"] == 5 and f.steps == [0, 1, 2, 3, 4] and f.evidence["first_value_step"] == 5


def test_mfu_warmup_sentinel__not_in_an_excerpt_without_it():
    excerpt = "".join(l for l in nano().splitlines(True) if "-100.00%" not in l)
    assert "mfu_warmup_sentinel" not in codes(excerpt)


def test_mfu_reference():
    f = run_of(nano()).finding("mfu_reference")
    assert f.evidence["reference"] == "A100" and f.evidence["reference_peak_tflops"] == 312 and f.variant == ""
    assert f.evidence["tool"] == "nanoGPT"
    f = run_of(nano(), device_name="RTX 4070").finding("mfu_reference")
    assert f.evidence["mfu_device_pct"] == pytest.approx(f.evidence["mfu_pct"] * 312 / 58.3)


def test_mfu_reference__not_for_llmc_whose_mfu_is_per_device():
    log = "".join(f"step {i}/50 | loss 3.0 (+0.00z)| norm 0.5 (+0.00z)| lr 1.00e-04 | 100.00 ms | 45.0% bf16 MFU | 1 tok/s\n"
                  for i in range(1, 41))
    assert "mfu_reference" not in codes(log)


def test_low_mfu():
    # ~3.2% of an A100 is ~1% of an H100: low on that card
    f = run_of(nano(), device_name="H100 SXM").finding("low_mfu")
    assert f.evidence["source"] == "renormalized" and f.evidence["mfu_pct"] < 2


def test_low_mfu__judged_on_the_device_not_the_a100():
    assert "low_mfu" not in codes(nano())  # no device: an A100-relative number says nothing about the card
    plateau_run = run_of(plateau_log(), device_name="RTX 4070")  # 11.8% of an A100 is ~63% of a 4070
    assert "low_mfu" not in plateau_run.codes()


def test_plateau__advice_follows_the_learning_rate():
    flat = dict(val=lambda s: 3.0 + 1.0 * math.exp(-s / 300))
    high = run_of(nano(**flat, config="max_iters = 6000\nlr_decay_iters = 6000\nlearning_rate = 1e-3\nmin_lr = 1e-4\n"))
    f = high.finding("plateau")
    assert f.variant == "decaying" and f.evidence["lr"] > 2 * f.evidence["lr_floor"]
    assert "schedule has not finished" in message(f, "en") and "bigger model" not in message(f, "en")
    done = run_of(nano(**flat, config="max_iters = 3000\nlr_decay_iters = 3000\nlearning_rate = 1e-3\nmin_lr = 1e-4\n"))
    assert done.finding("plateau").variant == "done"
    assert run_of(nano(**flat)).finding("plateau").variant == "unknown"  # no config: the log does not say


def test_plateau__the_threshold_is_twice_the_difference_noise():
    f = run_of(nano(val=lambda s: 3.0 + 1.0 * math.exp(-s / 300))).finding("plateau")
    assert f.evidence["diff_noise"] == pytest.approx(math.sqrt(2) * f.evidence["noise"])
    assert f.evidence["threshold"] == pytest.approx(2 * f.evidence["diff_noise"])


# -- generalization_gap -----------------------------------------------------------------------------
def flat_val(s):
    return 2.0 + 2.5 * math.exp(-s / 200)


def test_generalization_gap():
    r = run_of(nano(val=flat_val, train=lambda s: flat_val(s) - 0.01 - 0.0002 * max(0, s - 1500)))
    f = r.finding("generalization_gap")
    assert f is not None and "plateau" not in r.codes()  # the gap says more than the plateau would
    assert f.evidence["widening"] == pytest.approx(0.0002 * (3000 - max(1500, f.evidence["start_step"])), abs=0.02)
    assert f.evidence["widening"] > f.evidence["threshold"]


def test_generalization_gap__not_while_both_fall_together():
    assert "generalization_gap" not in codes(nano())
    assert "generalization_gap" not in codes(nano(val=flat_val, train=lambda s: flat_val(s) - 0.01))


# -- memorization ---------------------------------------------------------------------------------------
def test_memorization():
    r = run_of(nano(val=lambda s: 2.0 + 0.001 * s, train=lambda s: max(0.012, 3.0 * math.exp(-s / 300)),
                    iter_loss=lambda it, rng: max(0.004, 3.0 * math.exp(-it / 300) + rng.gauss(0, 0.002))),
               data_tokens=200_000)
    f = r.finding("memorization")
    assert f.evidence["train_loss"] < 0.05 and f.evidence["epochs"] == pytest.approx(3000 * 16384 / 200_000)


def test_memorization__not_for_a_healthy_loss():
    assert "memorization" not in codes(nano())


# -- resumed ----------------------------------------------------------------------------------------------
def test_resumed():
    first = nano(last=1000, tail="Killed\n")
    again = nano(first_iter=750, last=1500, config="init_from = 'resume'\nmax_iters = 1500\n")
    r = analyze(text=first + again)
    assert len(r.runs) == 1 and "interrupted" not in r.runs[0].codes()
    f = r.runs[0].finding("resumed")
    # iterations 750..1000 every 10 and the evals at 750 and 1000 were logged again by the resumed process
    assert (f.evidence["step"], f.evidence["superseded"], f.evidence["previous_end"]) == (750, 28, "killed")
    assert list(r.runs[0].run.eval_steps) == list(range(0, 1501, 250))


def test_resumed__not_for_a_restart_without_resume():
    r = analyze(text=nano(last=1000) + nano(last=1000))
    assert len(r.runs) == 2 and all("resumed" not in x.codes() for x in r.runs)


def test_loss_divergence__not_for_a_loss_that_starts_low_and_settles():
    # a running average whose debiasing falls short in its first steps prints low values that climb to the
    # real level; it never fell, so it did not diverge
    def ramp(it, rng):
        return 2.0 * (1 - 0.9 ** (it / 10 + 1)) + rng.gauss(0, 0.01) if it < 400 else 2.0 + rng.gauss(0, 0.01)
    assert "loss_divergence" not in codes(nano(iter_loss=ramp))


def test_plateau__a_learning_rate_multiplier_is_worded_as_one():
    # nanochat prints lrm, a factor of every group's learning rate, not a learning rate
    lines = []
    for s in range(0, 401):
        if s % 50 == 0:
            lines.append(f"Step {s:05d} | Validation bpb: {1.0 + 2.0 * math.exp(-s / 30):.6f}")
        if s < 400:
            lines.append(f"step {s:05d}/01000 ({s / 10:.2f}%) | loss: 3.000000 | lrm: 1.00 | dt: 100.00ms | "
                         f"tok/sec: 5,242,880 | bf16_mfu: 40.00 | total time: 0.10m")
    f = analyze(text="\n".join(lines) + "\n").runs[0].finding("plateau")
    assert f.variant == "decaying" and f.evidence["lr_multiplier"] and "lr_peak" not in f.evidence
    assert "still 1.00× its peak (lrm)" in message(f, "en")
