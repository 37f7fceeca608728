"""Config-aware facts: the numbers the seeds work out by hand, computed.

Given a nanoGPT config (the --config file, parsed and never executed, or the
config the log itself echoes after `Overriding config with ...:`), a run gets:
tokens per iteration and tokens seen at every eval, epochs over the training
data, tokens per parameter against Chinchilla's ~20, the parameter count by
nanoGPT's formula, the learning rate at every eval by get_lr, and the MFU
recomputed from the iteration times (against the A100's 312 TFLOPS like
nanoGPT, and against the real device with --device-name).

`Setup` gathers what the findings need to know about a run (its config, vocab,
eval_iters, device peak, expected last step) with where each value came from.
"""
import math

import numpy as np

from trainer import sizing
from trainer.analyze.records import AnalyzeError
from trainer.analyze.stats import view
from trainer.config import FIELDS, ConfigError, TrainConfig, coerce, parse_config_file, parse_config_items, validate
from trainer.hardware import A100_BF16_PEAK, lookup_gpu_peak

CHINCHILLA_TOKENS_PER_PARAM = 20  # Hoffmann et al. 2022: compute-optimal ~20 tokens per parameter
NANOGPT_DEFAULT_VOCAB = 50304     # GPT-2's 50257 padded to a multiple of 64, nanoGPT's scratch default
# from_pretrained forces GPT-2's own shapes, vocab 50257 and bias=True whatever the config says
GPT2_SHAPES = {"gpt2": (12, 12, 768), "gpt2-medium": (24, 16, 1024), "gpt2-large": (36, 20, 1280),
               "gpt2-xl": (48, 25, 1600)}


def load_config_file(path):
    """(TrainConfig, ignored keys) from a nanoGPT config file; keys our TrainConfig lacks are ignored."""
    try:
        return _config(parse_config_file(path))
    except ConfigError as e:
        raise AnalyzeError(str(e)) from None


def config_from_text(text):
    """(TrainConfig, ignored keys) from a nanoGPT config file's text, as load_config_file reads a file."""
    try:
        return _config({k: v for k, v, _ in parse_config_items(text)})
    except ConfigError as e:
        raise AnalyzeError(str(e)) from None


def _config(items):
    values, ignored = {}, []
    for key, value in items.items():
        if key in FIELDS:
            values[key] = coerce(key, value)
        else:
            ignored.append(key)
    return validate(TrainConfig(**values)), ignored


def device_peak(name):
    """(canonical name, peak FLOP/s) for --device-name."""
    try:
        return lookup_gpu_peak(name)
    except KeyError as e:
        raise AnalyzeError(str(e.args[0]) if e.args else f"unknown GPU {name!r}") from None


def data_dir_info(data_dir):
    """(train tokens, meta vocab_size or None) of a nanoGPT data dir."""
    from trainer.data.bins import DataError, read_meta, split_tokens
    try:
        tokens = split_tokens(data_dir, "train")
        meta = read_meta(data_dir)
    except (DataError, OSError) as e:
        raise AnalyzeError(str(e)) from None
    return tokens, (meta["vocab_size"] if meta else None)


class Setup:
    """What the analysis knows about one run beyond its records, and the source of each value."""

    def __init__(self, run, fmt, file_config=None, device=None, data_tokens=None, data_source=None, meta_vocab=None):
        self.fmt = fmt
        self.device = device  # (name, peak FLOP/s) or None
        self.cfg, self.cfg_source = None, None
        if file_config is not None:
            self.cfg, self.cfg_source = file_config, "file"
        elif run.header.get("config"):
            try:
                self.cfg, self.cfg_source = validate(TrainConfig(**run.header["config"])), "log"
            except (ConfigError, TypeError, ValueError):
                pass
        cfg, header = self.cfg, run.header
        self.vocab_size, self.vocab_source = _vocab(cfg, header, meta_vocab)
        self.eval_iters = cfg.eval_iters if cfg else 200  # nanoGPT's default
        self.dropout = cfg.dropout if cfg else None
        self.data_tokens, self.data_source = data_tokens, data_source
        if self.data_tokens is None and header.get("train_tokens"):
            self.data_tokens, self.data_source = header["train_tokens"], "log"
        its = view(run.iters, np.int64)
        steps = np.diff(its[: min(its.size, 1000)])
        self.log_interval = cfg.log_interval if cfg else (int(np.median(steps)) if steps.size else 1)
        # the last step a complete run logs: nanoGPT runs iterations 0..max_iters
        if cfg is not None and fmt in ("nanogpt", "metrics-jsonl"):
            self.max_steps = cfg.max_iters
        else:
            self.max_steps = header.get("max_steps")


def _vocab(cfg, header, meta_vocab):
    if cfg is not None and cfg.vocab_size is not None:
        return cfg.vocab_size, "config"
    if cfg is not None and cfg.init_from.startswith("gpt2"):
        return 50257, "gpt2"
    if header.get("vocab_size"):
        return header["vocab_size"], "log"
    if meta_vocab:
        return meta_vocab, "meta.pkl"
    if cfg is not None:
        return NANOGPT_DEFAULT_VOCAB, "default"
    return None, None


def model_shape(cfg):
    """(n_layer, n_head, n_embd, bias) of the model nanoGPT builds from cfg."""
    if cfg.init_from in GPT2_SHAPES:
        return GPT2_SHAPES[cfg.init_from] + (True,)
    return cfg.n_layer, cfg.n_head, cfg.n_embd, cfg.bias


def compute(run, setup, steady_time_ms=None, printed_mfu=None):
    """The facts dict of one run (JSON-ready). steady_time_ms and printed_mfu (percent)
    come from the findings' timing pass."""
    cfg, header = setup.cfg, run.header
    facts = {"config_source": setup.cfg_source}
    tpi, tpi_source = None, None
    if cfg is not None:
        tpi, tpi_source = sizing.tokens_per_iter(cfg.gradient_accumulation_steps, 1, cfg.batch_size,
                                                 cfg.block_size), "config"
    if header.get("tokens_per_iter"):
        facts["tokens_per_iter_log"] = header["tokens_per_iter"]
        if tpi is None:
            tpi, tpi_source = header["tokens_per_iter"], "log"
    facts["tokens_per_iter"], facts["tokens_per_iter_source"] = tpi, tpi_source

    n_params = None
    if cfg is not None:
        n_layer, n_head, n_embd, bias = model_shape(cfg)
        n_params = sizing.num_params(n_layer, n_embd, setup.vocab_size, cfg.block_size, bias,
                                     cfg.mlp, cfg.norm, cfg.pos)
    facts["n_params"] = n_params
    facts["vocab_size"], facts["vocab_source"] = setup.vocab_size, setup.vocab_source
    if header.get("n_params_m") is not None:
        facts["n_params_log"] = round(header["n_params_m"] * 1e6)  # printed as %.2fM
    elif header.get("n_params"):
        facts["n_params_log"] = header["n_params"]
    params = n_params or facts.get("n_params_log")

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
    if params and "tokens_seen" in facts:
        facts["tokens_per_param"] = facts["tokens_seen"] / params
        facts["chinchilla_tokens_per_param"] = CHINCHILLA_TOKENS_PER_PARAM
        facts["chinchilla_multiple"] = facts["tokens_per_param"] / CHINCHILLA_TOKENS_PER_PARAM
    if setup.max_steps:
        facts["max_steps"] = setup.max_steps
        if run.last_step is not None:
            facts["progress"] = run.last_step / setup.max_steps

    facts["evals"] = [_eval_fact(run, s, tpi, setup) for s in steps]
    if facts["evals"] and facts["evals"][-1].get("lr") is not None:
        facts["lr_at_last_eval"] = facts["evals"][-1]["lr"]
    facts["mfu"] = _mfu(cfg, setup, n_params, header, steady_time_ms, printed_mfu)
    return {k: v for k, v in facts.items() if v is not None}


def _eval_fact(run, step, tpi, setup):
    cfg = setup.cfg
    fact = {"step": step}
    if tpi:
        fact["tokens_seen"] = step * tpi
        if setup.data_tokens:
            fact["epochs"] = step * tpi / setup.data_tokens
    if cfg is not None:
        fact["lr"] = sizing.get_lr(step, cfg.learning_rate, cfg.warmup_iters, cfg.lr_decay_iters, cfg.min_lr,
                                   cfg.decay_lr, cfg.lr_schedule)
    elif run.lr is not None:  # llm.c, build-nanogpt and metrics.jsonl print the lr they used
        its = view(run.iters, np.int64)
        i = int(np.searchsorted(its, step))
        if i < its.size and its[i] == step and math.isfinite(run.lr[i]):
            fact["lr"] = run.lr[i]
    return fact


def _mfu(cfg, setup, n_params, header, steady_time_ms, printed_mfu):
    out = {"a100_peak_flops": A100_BF16_PEAK}
    if printed_mfu is not None:
        out["printed_pct"] = printed_mfu  # median of the values the log prints
        # nanoGPT (and our console/metrics mfu_a100) divide by the A100's peak; llm.c by its device table
        out["printed_reference"] = "a100" if setup.fmt in ("nanogpt", "metrics-jsonl") else "device"
    if setup.device:
        out["device"], out["device_peak_flops"] = setup.device
    if cfg is not None and n_params and steady_time_ms:
        n_layer, n_head, n_embd, _ = model_shape(cfg)
        world = header.get("world_size") or 1
        # nanoGPT divides grad_accum by the DDP world size and reports per-GPU MFU
        fwdbwd = cfg.batch_size * max(1, cfg.gradient_accumulation_steps // world)
        flops = sizing.flops_per_iter(n_params, n_layer, n_head, n_embd, cfg.block_size, fwdbwd)
        out["flops_per_token"] = sizing.flops_per_token(n_params, n_layer, n_head, n_embd, cfg.block_size)
        out["flops_per_iter"] = flops
        out["iter_time_ms"] = steady_time_ms
        out["world_size"] = world
        out["recomputed_a100_pct"] = 100 * sizing.mfu(flops, steady_time_ms / 1000, A100_BF16_PEAK)
        if setup.device:
            out["recomputed_device_pct"] = 100 * sizing.mfu(flops, steady_time_ms / 1000, setup.device[1])
    if setup.device and printed_mfu is not None and setup.fmt in ("nanogpt", "metrics-jsonl"):
        out["renormalized_device_pct"] = printed_mfu * A100_BF16_PEAK / setup.device[1]
    return out
