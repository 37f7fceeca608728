"""What the analysis knows about one run beyond its records, and where each value came from.

The config comes from --config (parsed, never executed) or from the lines the log
echoes. The vocabulary comes, in order of trust, from the config, GPT-2 weights, the
log (`found vocab_size`, llm.c's table), meta.pkl, or nanoGPT's default of 50304;
the default is only an assumption, so it is checked against the parameter count the
log prints and dropped when the two disagree (a character model printing 10.65M is
not the 29.94M that 50304 would make it). Every value that rests on an assumption is
listed in `assumed`, so the report can say so.
"""
import numpy as np

from trainer import sizing
from trainer.analyze.records import AnalyzeError
from trainer.analyze.stats import view
from trainer.config import FIELDS, ConfigError, TrainConfig, coerce, parse_config_file, parse_config_items, validate
from trainer.hardware import lookup_gpu_peak

NANOGPT_DEFAULT_VOCAB = 50304     # GPT-2's 50257 padded to a multiple of 64, nanoGPT's scratch default
NANOGPT_DEFAULT_EVAL_ITERS = 200  # train.py's default
PARAMS_PRINT_RESOLUTION = 5_000   # nanoGPT prints the count as %.2fM
# from_pretrained forces GPT-2's own shapes, vocab 50257 and bias=True whatever the config says
GPT2_SHAPES = {"gpt2": (12, 12, 768), "gpt2-medium": (24, 16, 1024), "gpt2-large": (36, 20, 1280),
               "gpt2-xl": (48, 25, 1600)}
GPT2_VOCAB = 50257


def load_config_file(path):
    """(TrainConfig, ignored keys) from a nanoGPT config file; keys our TrainConfig lacks are
    ignored. Raises AnalyzeError for a missing file or anything but `name = literal`."""
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
    """(canonical name, dense bf16 peak FLOP/s) for --device-name; AnalyzeError for an unknown GPU."""
    try:
        return lookup_gpu_peak(name)
    except KeyError as e:
        raise AnalyzeError(str(e.args[0]) if e.args else f"unknown GPU {name!r}") from None


def data_dir_info(data_dir):
    """(train tokens, meta vocab_size or None) of a nanoGPT data dir; AnalyzeError if unreadable."""
    from trainer.data.bins import DataError, read_meta, split_tokens
    try:
        tokens = split_tokens(data_dir, "train")
        meta = read_meta(data_dir)
    except (DataError, OSError) as e:
        raise AnalyzeError(str(e)) from None
    return tokens, (meta["vocab_size"] if meta else None)


def model_shape(cfg):
    """(n_layer, n_head, n_embd, bias) of the model nanoGPT builds from cfg."""
    if cfg.init_from in GPT2_SHAPES:
        return GPT2_SHAPES[cfg.init_from] + (True,)
    return cfg.n_layer, cfg.n_head, cfg.n_embd, cfg.bias


def count_params(cfg, vocab_size):
    """nanoGPT's get_num_params() (wpe excluded) for cfg's shape and vocab_size."""
    n_layer, _, n_embd, bias = model_shape(cfg)
    return sizing.num_params(n_layer, n_embd, vocab_size, cfg.block_size, bias, cfg.mlp, cfg.norm, cfg.pos)


class Setup:
    """One run's config (cfg, cfg_source), vocab (vocab_size, vocab_source), eval_iters,
    data size, device, expected last step (max_steps) and what among them is assumed.

    fmt is the format class (formats/base.py); file_config a TrainConfig from --config;
    device (name, peak FLOP/s) from --device-name; data_tokens from --data-tokens or
    --data-dir (data_source says which); meta_vocab from --data-dir's meta.pkl.
    """

    def __init__(self, run, fmt, file_config=None, device=None, data_tokens=None, data_source=None, meta_vocab=None):
        header = run.header
        self.fmt = fmt
        self.assumed = {}       # name -> the assumed value every fact built on it depends on
        self.rejected = {}      # name -> an assumption the log itself contradicts (left out)
        self.cfg, self.cfg_source, explicit = None, None, set()
        if file_config is not None:
            self.cfg, self.cfg_source, explicit = file_config, "file", set(FIELDS)
        elif header.get("config"):
            try:
                self.cfg, self.cfg_source = validate(TrainConfig(**header["config"])), "log"
                explicit = set(header["config"])
            except (ConfigError, TypeError, ValueError):
                pass
        cfg = self.cfg
        self.vocab_size, self.vocab_source = self._vocab(cfg, header, meta_vocab)
        self.eval_iters = cfg.eval_iters if cfg else NANOGPT_DEFAULT_EVAL_ITERS
        self.eval_iters_source = "config" if "eval_iters" in explicit else "default"
        self.dropout = cfg.dropout if cfg else None
        self.data_tokens, self.data_source = data_tokens, data_source
        if self.data_tokens is None and header.get("train_tokens"):
            self.data_tokens, self.data_source = header["train_tokens"], "log"
        self.batches_per_epoch = header.get("batches_per_epoch")
        its = view(run.iters, np.int64)
        steps = np.diff(its[: min(its.size, 1000)])
        self.log_interval = cfg.log_interval if cfg else (int(np.median(steps)) if steps.size else 1)
        self.max_steps = cfg.max_iters if (cfg is not None and fmt.max_steps_from == "config") \
            else header.get("max_steps")
        self.device = device or _logged_device(header)  # (name, peak FLOP/s) or None

    def _vocab(self, cfg, header, meta_vocab):
        if cfg is not None and cfg.vocab_size is not None:
            return cfg.vocab_size, "config"
        if (cfg is not None and cfg.init_from.startswith("gpt2")) or str(header.get("init_from", "")).startswith("gpt2"):
            return GPT2_VOCAB, "gpt2"
        if header.get("vocab_size"):
            return header["vocab_size"], "log"
        if meta_vocab:
            return meta_vocab, "meta.pkl"
        if cfg is None:
            return None, None
        printed = header.get("n_params_m")
        if printed is None:
            self.assumed["vocab_size"] = NANOGPT_DEFAULT_VOCAB
            return NANOGPT_DEFAULT_VOCAB, "default"
        if abs(count_params(cfg, NANOGPT_DEFAULT_VOCAB) - printed * 1e6) <= PARAMS_PRINT_RESOLUTION:
            return NANOGPT_DEFAULT_VOCAB, "params"  # the printed count confirms the default
        self.rejected["vocab_size"] = NANOGPT_DEFAULT_VOCAB
        return None, None


def _logged_device(header):
    """The GPU a log names (llm.c's table, metrics.jsonl, nanochat's GPU line), with its peak if we know it."""
    name = header.get("device")
    if not isinstance(name, str):
        return None
    peak = header.get("device_peak_flops")
    if peak:
        return name, peak
    try:
        return lookup_gpu_peak(name)
    except KeyError:
        return None
