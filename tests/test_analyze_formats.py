"""The format protocol: every registered format declares what its numbers mean, nothing outside
formats/ names a format, and the "not a training log" message comes from the registry."""
import ast
import re
from pathlib import Path

import pytest

from trainer.analyze import AnalyzeError, analyze
from trainer.analyze.formats import FORMATS, not_a_log_message
from trainer.analyze.formats.base import LogFormat
from trainer.analyze.parse import parse_text

ANALYZE = Path(__file__).resolve().parents[1] / "trainer" / "analyze"
CAPABILITIES = {"eval_train": {"eval_mode", "train_step", None}, "eval_metric": {"loss", "bpb"},
                "max_steps_from": {"config", "header"}, "mfu_sentinel_meaning": {"warmup", "unknown_device", None}}


@pytest.mark.parametrize("name", sorted(FORMATS))
def test_every_format_declares_valid_capabilities(name):
    cls = FORMATS[name]
    assert issubclass(cls, LogFormat) and cls.name == name and cls.title
    for attr, allowed in CAPABILITIES.items():
        assert getattr(cls, attr) in allowed, (name, attr)
    ref = cls.mfu_reference
    assert ref is None or (isinstance(ref[0], str) and ref[1] > 1e12)
    assert (cls.mfu_sentinel is None) == (cls.mfu_sentinel_meaning is None)


def test_exactly_the_fallback_formats_are_last():
    kinds = [cls.fallback for cls in FORMATS.values()]
    assert kinds == sorted(kinds) and kinds[-1]


def test_no_module_outside_formats_names_a_format():
    names = {repr(n) for n in FORMATS} | {f'"{n}"' for n in FORMATS}
    for path in ANALYZE.rglob("*.py"):
        if "formats" in path.parts or path.name == "bench.py":
            continue
        source = path.read_text(encoding="utf-8")
        strings = {repr(node.value) for node in ast.walk(ast.parse(source))
                   if isinstance(node, ast.Constant) and isinstance(node.value, str)}
        assert not (strings & names), (path.name, strings & names)


def test_not_a_log_message_lists_every_format_but_the_fallback():
    with pytest.raises(AnalyzeError) as err:
        parse_text("Epoch 1/10\n100/100 [====] - 3s 30ms/step - loss: 0.5\n")
    assert str(err.value) == not_a_log_message()
    for cls in FORMATS.values():
        assert (cls.title in str(err.value)) != cls.fallback


def test_a_new_format_is_one_registry_line():
    source = (ANALYZE / "formats" / "__init__.py").read_text(encoding="utf-8")
    body = source[source.index("FORMATS = {"):source.index(")}") + 2]
    listed = re.findall(r"^    (\w+),$", body, re.M)
    assert len(listed) == len(FORMATS)


# -- what formats mean, seen from the findings --------------------------------------------------
def test_a_log_that_is_only_an_error_is_read():
    a = analyze(text="torch.OutOfMemoryError: CUDA out of memory. Tried to allocate 2.00 GiB\n")
    assert a.format == "errors-only" and a.runs[0].codes() == ["oom"]


def test_the_fallback_never_wins_over_a_format():
    log = "tokens per iteration will be: 16,384\nRuntimeError: CUDA out of memory. Tried to allocate 9 GiB\n" * 3
    assert analyze(text=log).format == "nanogpt"


def test_eval_lines_with_more_fields_and_iter_lines_without_mfu():
    log = ("step 0: train loss 4.2000, train perplexity 66.6863, val loss 4.2100, val perplexity 67.3565\n"
           "iter 0: loss 4.1900, time 310.00ms\niter 1: loss 4.0800, time 50.00ms, lr 6.0e-05, tok/s 327,680\n")
    r = parse_text(log).runs[0]
    assert list(r.eval_val) == [4.21] and list(r.loss) == [4.19, 4.08] and r.lr[1] == 6e-05


def test_a_cut_line_keeps_its_nan():
    r = parse_text("iter 0: loss 4.1900, time 310.00ms\niter 1: loss nan, time 4").runs[0]
    assert list(r.iters) == [0] and r.first_nonfinite == (1, "iter", "nan") and r.truncated == "iter 1: loss nan, time 4"


def test_a_kill_written_into_a_line():
    line = "step  12/100 | loss 3.5 (+0.1z)| norm 0.3 (+0.2z)| lr 1e-4 | 15slurmstepd: error: *** JOB 7 ON n1 CANCELLED AT " \
           "2024-01-01T00:00:00 DUE TO TIME LIMIT ***\n"
    ok = "".join(f"step {i:4d}/100 | loss 3.5 (+0.1z)| norm 0.3 (+0.2z)| lr 1e-4 | 15.00 ms | 40.0% bf16 MFU | 9 tok/s\n"
                 for i in range(1, 12))
    r = analyze(text=ok + line).runs[0]
    assert r.finding("interrupted").variant == "time_limit" and r.run.truncated.startswith("step  12/100")
