"""Fuzzing: generated and mutated logs never crash the analyzer.

Every input must either give an Analysis (whose text, markdown and JSON reports
all render, the JSON strict) or raise AnalyzeError, which the CLI turns into
exit status 2. The slow test runs 10,000 inputs; the default run a few hundred.
"""
import json

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from trainer.analyze import AnalyzeError, analyze, report
from trainer.analyze.formats import FORMATS
from trainer.i18n import LANGS

# numbers as logs print them, and as broken logs might
floats = st.floats(allow_nan=True, allow_infinity=True, width=64)
number = st.one_of(
    floats.map(lambda x: f"{x:.4f}"), floats.map(repr), floats.map(lambda x: f"{x:.2f}"),
    st.integers(-10**20, 10**20).map(str), st.sampled_from(["nan", "-nan", "inf", "-inf", "", "1e999", "0x1p3", "١٢"]),
)
step = st.one_of(st.integers(0, 20_000), st.integers(-5, 10**19)).map(str)

TEMPLATES = [
    "iter {s}: loss {a}, time {b}ms, mfu {c}%",
    "step {s}: train loss {a}, val loss {b}",
    "tokens per iteration will be: {s}",
    "number of parameters: {a}M",
    "found vocab_size = {s} (inside data/x/meta.pkl)",
    "Overriding config with config/x.py:",
    "batch_size = {s}",
    "gradient_accumulation_steps = {s} * {s}",
    "Overriding: learning_rate = {a}",
    "Overriding: max_iters = {a}",
    "step {s}/{s} | loss {a} (+0.00z)| norm {b} (+0.00z)| lr {c} | {b} ms | {c}% bf16 MFU | 1 tok/s",
    "val loss {a}",
    "s:{s} trl:{a} lr:{b} norm:{c}",
    "s:{s} tel:{a}",
    "step {s}: train loss {a} (took {b} ms)",
    "step:{s}/{s} val_loss:{a} train_time:{b}ms step_avg:{c}ms",
    "step:{s}/{s} train_loss:{a} train_time:{b}s step_avg:{c}ms",
    "step {s} | loss: {a} | lr {b} | norm: {c} | dt: {b}ms | tok/sec: {c}",
    "validation loss: {a}",
    "{s} val {a}",
    "{s} train {a}",
    "total desired batch size: {s}",
    '{{"kind": "iter", "iter": {s}, "loss": {a}, "dt_ms": {b}, "mfu_a100": {c}, "lr": {a}}}',
    '{{"kind": "eval", "iter": {s}, "train_loss": {a}, "val_loss": {b}}}',
    '{{"kind": "config", "config": {{"batch_size": {s}, "max_iters": {s}, "eval_iters": {s}}}, "num_params": {s}}}',
    '{{"kind": "error", "iter": {s}, "error": "loss is nan"}}',
    "Traceback (most recent call last):",
    "torch.OutOfMemoryError: CUDA out of memory. Tried to allocate {a} GiB",
    "KeyboardInterrupt",
    "Killed",
    "RuntimeError: {a}",
    "error: loss is nan at iter {s}; stopped",
    "saving checkpoint to out",
    "compiling the model... (takes a ~minute)",
    " 45%|####5     | 45/100 [00:01<00:02, 30.0it/s]",
    # issue 14's kinds: old and forked nanoGPT lines, build-nanogpt's comma form, errors, cuts, resumes, nanochat
    "iter {s}: loss {a}, time {b}ms",
    "iter {s}: loss {a}, time {b}ms, mfu {c}%, lr {a}, tok/s {s},{s}",
    "step {s}: train loss {a}, train perplexity {b}, val loss {c}, val perplexity {a}",
    "step {s}, loss: {a}, dt: {b}ms, tok/sec: {c}",
    "loaded {s} tokens",
    "1 epoch = {s} batches",
    "Overriding: init_from = resume",
    "Resuming training from out",
    "import time",
    "wandb_run_name = 'ft-' + str(time.time())",
    '  File "/x/train.py", line {s}, in estimate_loss',
    "[CUDA ERROR] at file train_gpt2.cu:{s}:",
    "step {s}/{s} | loss     nan (+nanz)| norm    nan (+nanz)| lr {a} | {b} ms | {c}% bf16 MFU | {s} tok/s",
    "step {s}/{s} | loss {a} (+0.1z)| norm {b} | {c}slurmstepd: error: *** JOB 1 ON n CANCELLED AT x DUE TO TIME LIMIT ***",
    "step {s}/{s} ({a}%) | loss: {b} | lrm: {c} | dt: {a}ms | tok/sec: {s},{s} | bf16_mfu: {c} | epoch: 1 pq: {s} rg: {s}"
    " | total time: {a}m",
    "step {s} ({a}%) | loss: {b} | lrm: {c} | dt: {a}ms | tok/sec: {s} | mfu: {c} | epoch: {s} | total time: {a}m",
    "Step {s} | Validation bpb: {a}",
    "Step {s}/{s} | Training loss: {a}| lrm: {b}| num_tokens: {s}",
    "GPU: NVIDIA H100 80GB HBM3 | Peak FLOPS (BF16): {a}",
    "Total batch size {s} => gradient accumulation steps: {s}",
    "Resuming optimization from step {s}",
]
prefix = st.sampled_from(["", "", "", "> ", "2024-05-01 12:00:00,123 - INFO - ", "\x1b[32m", "[rank0]: ", "0: ", "| "])
suffix = st.sampled_from(["", "", "   ", "\x1b[0m", "\r"])


@st.composite
def record_line(draw):
    template = draw(st.sampled_from(TEMPLATES))
    line = template.format(s=draw(step), a=draw(number), b=draw(number), c=draw(number))
    return draw(prefix) + line + draw(suffix)


line = st.one_of(record_line(), record_line(), record_line(), st.text(max_size=80))


@st.composite
def generated_log(draw):
    lines = draw(st.lists(line, min_size=0, max_size=60))
    sep = draw(st.sampled_from(["\n", "\r\n", "\r"]))
    text = sep.join(lines) + draw(st.sampled_from(["", sep]))
    return text.encode("utf-8", errors="surrogatepass")


def _base_logs():
    from log_fixtures import plateau_config
    from trainer.synthetic_log import nanogpt_header, nanogpt_log_lines
    header = nanogpt_header(16384, 10_650_000, config_file="config/x.py", config_text=plateau_config())
    nano = "".join(nanogpt_log_lines(300, val_at=lambda s: 2 + 1 / (1 + s), train_at=lambda s: 2 + 1 / (1 + s),
                                     iter_loss_at=lambda it, rng: 2 + rng.random(), dt_ms=50.0, flops_per_iter=1e12,
                                     eval_interval=50, log_interval=10, eval_ms=400.0, header=header))
    llmc = "val loss 4.0\n" + "".join(f"step {i}/30 | loss {4 - i / 10:.6f} (+0.00z)| norm 1.0 (+0.00z)| lr 1.00e-04 | "
                                      f"10.00 ms | 30.0% bf16 MFU | 1 tok/s\n" for i in range(1, 31))
    modded = "".join(f"step:{i}/40 train_time:{i * 100}ms step_avg:100.00ms\n" + (
        f"step:{i}/40 val_loss:{4 - i / 20:.4f} train_time:{i * 100}ms step_avg:100.00ms\n" if i % 10 == 0 else "")
        for i in range(1, 41))
    build = "".join((f"validation loss: {4 - i / 20:.4f}\n" if i % 10 == 0 else "")
                    + f"step {i:5d} | loss: {4 - i / 30:.6f} | lr 1.0000e-04 | norm: 0.5000 | dt: 100.00ms | tok/sec: 1.00\n"
                    for i in range(40))
    metrics = "".join(json.dumps(r) + "\n" for r in
                      [{"kind": "config", "config": {"max_iters": 30, "eval_interval": 10}, "tokens_per_iter": 64}]
                      + [{"kind": "iter", "iter": i, "loss": 3 - i / 50, "dt_ms": 10.0, "mfu_a100": 0.1} for i in range(31)]
                      + [{"kind": "eval", "iter": i, "train_loss": 3.0, "val_loss": 2.9} for i in (0, 10, 20, 30)])
    nanochat = "GPU: NVIDIA H100 80GB HBM3 | Peak FLOPS (BF16): 9.89e+14\n" + "".join(
        (f"Step {i:05d} | Validation bpb: {3 - i / 40:.6f}\n" if i % 10 == 0 else "")
        + f"step {i:05d}/00040 ({i * 2.5:.2f}%) | loss: {5 - i / 20:.6f} | lrm: 1.00 | dt: 100.00ms | tok/sec: 5,242,880"
          f" | bf16_mfu: 40.00 | epoch: 1 pq: 0 rg: {i} | total time: 0.01m\n" for i in range(40)) \
        + "Step 00040 | Validation bpb: 2.000000\n"
    return [x.encode() for x in (nano, llmc, modded, build, metrics, nanochat)]


BASES = _base_logs()


@st.composite
def mutated_log(draw):
    lines = draw(st.sampled_from(BASES)).splitlines(keepends=True)
    for _ in range(draw(st.integers(1, 8))):
        op = draw(st.sampled_from(["delete", "duplicate", "swap", "insert", "garble", "cut"]))
        if not lines:
            break
        i = draw(st.integers(0, len(lines) - 1))
        if op == "delete":
            del lines[i]
        elif op == "duplicate":
            lines.insert(i, lines[i])
        elif op == "swap":
            j = draw(st.integers(0, len(lines) - 1))
            lines[i], lines[j] = lines[j], lines[i]
        elif op == "insert":
            lines.insert(i, draw(record_line()).encode("utf-8", "surrogatepass") + b"\n")
        elif op == "garble":
            b = bytearray(lines[i])
            if b:
                b[draw(st.integers(0, len(b) - 1))] = draw(st.integers(0, 255))
            lines[i] = bytes(b)
        else:  # cut the file mid-line
            lines = lines[: i + 1]
            lines[-1] = lines[-1][: draw(st.integers(0, len(lines[-1])))]
    return b"".join(lines)


any_input = st.one_of(generated_log(), mutated_log(), mutated_log(), st.binary(max_size=400))
options = st.fixed_dictionaries({
    "format_hint": st.sampled_from([None, None, None] + list(FORMATS)),
    "device_name": st.sampled_from([None, None, "RTX 4070", "H100"]),
    "lang": st.sampled_from(LANGS),
})


def check(data, opts):
    """An Analysis whose every report renders, or an AnalyzeError: nothing else."""
    try:
        a = analyze(text=data, format_hint=opts["format_hint"], device_name=opts["device_name"])
    except AnalyzeError:
        return "error"
    lang = opts["lang"]
    report.to_text(a, lang, color=True)
    report.to_markdown(a, lang)
    json.loads(report.to_json(a, lang), parse_constant=lambda c: (_ for _ in ()).throw(ValueError(c)))
    return "ok"


FUZZ = dict(deadline=None, derandomize=True, database=None,
            suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large, HealthCheck.filter_too_much])


@settings(max_examples=300, **FUZZ)
@given(data=any_input, opts=options)
def test_fuzz_quick(data, opts):
    check(data, opts)


def test_fuzz_reaches_both_outcomes():
    # the generators are not so broken that everything is refused (or accepted)
    outcomes = {check(b, {"format_hint": None, "device_name": None, "lang": "en"}) for b in BASES}
    outcomes.add(check(b"\x00\x01", {"format_hint": None, "device_name": None, "lang": "en"}))
    assert outcomes == {"ok", "error"}


@pytest.mark.slow
def test_fuzz_10000_inputs():
    seen = []

    @settings(max_examples=10_000, **FUZZ)
    @given(data=any_input, opts=options)
    def fuzz(data, opts):
        seen.append(check(data, opts))

    fuzz()
    assert len(seen) >= 10_000 and set(seen) == {"ok", "error"}
