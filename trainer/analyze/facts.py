"""Config-aware facts: the numbers a reader would otherwise work out by hand, computed.

Given a config (--config, or the one the log echoes), a run gets: tokens per
iteration and tokens seen at every eval, epochs over the training data, tokens per
parameter against Chinchilla's ~20, the parameter count by nanoGPT's formula, the
learning rate at every eval by get_lr, and the MFU recomputed from the iteration
times (against the A100's 312 TFLOPS like nanoGPT, and against the real device with
--device-name). A fact that rests on an assumed value carries the assumption in
facts['assumed']; the report says so next to it.
"""
import math

import numpy as np

from trainer import sizing
# config_from_text is read from here by synthetic.py
from trainer.analyze.setup import config_from_text, count_params, model_shape  # noqa: F401
from trainer.hardware import A100_BF16_PEAK

CHINCHILLA_TOKENS_PER_PARAM = 20  # Hoffmann et al. 2022: compute-optimal ~20 tokens per parameter


def compute(run, setup, m):
    """The facts dict of one run (JSON-ready), from its Setup and its Measures `m`."""
    cfg, header = setup.cfg, run.header
    facts = {"config_source": setup.cfg_source, "eval_metric": setup.fmt.eval_metric}
    if header.get("config_skipped"):
        facts["config_skipped"] = list(header["config_skipped"])
    facts.update(_tokens_per_iter(cfg, header))
    tpi = facts["tokens_per_iter"]
    facts["n_params"] = count_params(cfg, setup.vocab_size) if cfg is not None and setup.vocab_size else None
    facts["vocab_size"], facts["vocab_source"] = setup.vocab_size, setup.vocab_source
    facts["assumed"] = dict(setup.assumed) or None
    facts["assumption_rejected"] = dict(setup.rejected) or None
    if header.get("n_params_m") is not None:
        facts["n_params_log"] = round(header["n_params_m"] * 1e6)  # printed as %.2fM
    elif header.get("n_params"):
        facts["n_params_log"] = header["n_params"]
    params = facts["n_params"] or facts.get("n_params_log")

    steps = [int(s) for s in run.eval_steps]
    last = steps[-1] if steps else run.last_step
    facts["last_step"] = run.last_step
    facts["last_eval_step"] = steps[-1] if steps else None
    if tpi and last is not None:
        facts["tokens_seen"] = last * tpi  # iterations 0..last-1 are done when step `last` is evaluated
    if setup.data_tokens:
        facts["data_tokens"], facts["data_source"] = setup.data_tokens, setup.data_source
        if "tokens_seen" in facts:
            facts["epochs"] = facts["tokens_seen"] / setup.data_tokens
    if "epochs" not in facts and setup.batches_per_epoch and last is not None:
        facts["epochs"] = last / setup.batches_per_epoch  # one batch per step (build-nanogpt's early loop)
    if params and "tokens_seen" in facts:
        facts["tokens_per_param"] = facts["tokens_seen"] / params
        facts["chinchilla_tokens_per_param"] = CHINCHILLA_TOKENS_PER_PARAM
        facts["chinchilla_multiple"] = facts["tokens_per_param"] / CHINCHILLA_TOKENS_PER_PARAM
    if setup.max_steps:
        facts["max_steps"] = setup.max_steps
        if run.last_step is not None:
            facts["progress"] = run.last_step / setup.max_steps
    facts["evals"] = [_eval_fact(s, tpi, setup, m) for s in steps]
    if facts["evals"] and facts["evals"][-1].get("lr") is not None:
        facts["lr_at_last_eval"] = facts["evals"][-1]["lr"]
    facts["noise"] = {"eval": m.eval_noise, "difference": m.diff_noise, "threshold": m.threshold,
                      "source": m.eval_noise_source, "eval_iters": setup.eval_iters,
                      "eval_iters_source": setup.eval_iters_source}
    facts["mfu"] = _mfu(cfg, setup, params, header, m)
    if run.resumes:
        facts["resumes"] = [{k: r[k] for k in ("step", "superseded", "previous_end")} for r in run.resumes]
    return {k: v for k, v in facts.items() if v is not None}


def _tokens_per_iter(cfg, header):
    """The config's tokens per iteration unless the log printed another number (then the config
    we have is not the one that ran: the log wins)."""
    out = {"tokens_per_iter": None, "tokens_per_iter_source": None}
    from_cfg = sizing.tokens_per_iter(cfg.gradient_accumulation_steps, 1, cfg.batch_size, cfg.block_size) \
        if cfg is not None else None
    logged = header.get("tokens_per_iter")
    if logged:
        out["tokens_per_iter_log"] = logged
    if from_cfg and (not logged or logged == from_cfg):
        out["tokens_per_iter"], out["tokens_per_iter_source"] = from_cfg, "config"
    elif logged:
        out["tokens_per_iter"], out["tokens_per_iter_source"] = logged, "log"
        out["tokens_per_iter_config"] = from_cfg
    return out


def _eval_fact(step, tpi, setup, m):
    fact = {"step": step}
    if tpi:
        fact["tokens_seen"] = step * tpi
        if setup.data_tokens:
            fact["epochs"] = step * tpi / setup.data_tokens
    lr = m.lr_at(step)
    if lr is not None and (setup.cfg is not None or (_printed_at(m, step) and setup.fmt.lr_printed == "value")):
        fact["lr"] = lr
    return fact


def _printed_at(m, step):
    """Whether the log printed a learning rate at exactly this step."""
    if m.run.lr is None:
        return False
    i = int(np.searchsorted(m.iters, step))
    return i < m.iters.size and m.iters[i] == step and math.isfinite(m.run.lr[i])


def _mfu(cfg, setup, params, header, m):
    out = {"a100_peak_flops": A100_BF16_PEAK}
    if m.printed_mfu is not None:
        out["printed_pct"] = m.printed_mfu  # median of the values the log prints
        ref = m.mfu_reference
        out["printed_reference"] = (ref[0] or "device") if ref else "device"
        if ref:
            out["printed_reference_peak_flops"] = ref[1]
    if setup.device:
        out["device"], out["device_peak_flops"] = setup.device
    if cfg is not None and params and m.steady_time_ms:
        n_layer, n_head, n_embd, _ = model_shape(cfg)
        world = header.get("world_size") or 1
        # nanoGPT divides grad_accum by the DDP world size and reports per-GPU MFU
        fwdbwd = cfg.batch_size * max(1, cfg.gradient_accumulation_steps // world)
        flops = sizing.flops_per_iter(params, n_layer, n_head, n_embd, cfg.block_size, fwdbwd)
        out["flops_per_token"] = sizing.flops_per_token(params, n_layer, n_head, n_embd, cfg.block_size)
        out["flops_per_iter"] = flops
        out["iter_time_ms"] = m.steady_time_ms
        out["world_size"] = world
        out["recomputed_a100_pct"] = 100 * sizing.mfu(flops, m.steady_time_ms / 1000, A100_BF16_PEAK)
        if setup.device:
            out["recomputed_device_pct"] = 100 * sizing.mfu(flops, m.steady_time_ms / 1000, setup.device[1])
    if setup.device and m.printed_mfu is not None and m.mfu_reference_fixed:
        out["renormalized_device_pct"] = m.printed_mfu * m.mfu_reference[1] / setup.device[1]
    if header.get("mfu_device_pct") is not None:
        out["trainer_device_pct"] = header["mfu_device_pct"]
    return out
