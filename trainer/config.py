"""nanoGPT's training configuration: its names, its defaults, its config files.

nanoGPT keeps its config as module globals and overrides them by exec'ing
configurator.py, which in turn exec's the config file. We read the same files
and the same `--key=value` arguments, but *parse* them with `ast`: a config file
may only assign literals (plus a little arithmetic such as `5 * 8`), so a
config can never run code. Unlike nanoGPT we also type-check config files,
accept integral floats for int keys (`--max_iters=5e3`) and ints for float keys
(`--learning_rate=1`), and suggest the key you probably meant.

No torch here: the analyzer imports this module and must start fast.
"""
import ast
import dataclasses
import difflib
import math
import operator
import time
from dataclasses import dataclass
from typing import Optional


class ConfigError(ValueError):
    """A bad config file or override; the CLI prints it as one `error: ...` line."""


@dataclass
class TrainConfig:
    # I/O
    out_dir: str = 'out'                    # checkpoints, train.log and metrics.jsonl go here
    eval_interval: int = 2000               # evaluate (and maybe checkpoint) every this many iterations
    log_interval: int = 1                   # print an `iter` line every this many iterations
    eval_iters: int = 200                   # batches averaged per split by estimate_loss()
    eval_only: bool = False                 # if True, exit right after the first eval
    always_save_checkpoint: bool = True     # if True, save after every eval, not only when val improves
    init_from: str = 'scratch'              # 'scratch' | 'resume' | 'gpt2' | 'gpt2-medium' | 'gpt2-large' | 'gpt2-xl'
    # wandb logging (only used when wandb is installed and wandb_log=True)
    wandb_log: bool = False
    wandb_project: str = 'owt'
    wandb_run_name: str = 'gpt2'
    # data
    dataset: str = 'openwebtext'            # data/<dataset>/{train,val}.bin (+ meta.pkl)
    gradient_accumulation_steps: int = 5 * 8  # micro-steps per update; divided by the DDP world size
    batch_size: int = 12                    # micro-batch size
    block_size: int = 1024                  # context length T
    # model
    n_layer: int = 12
    n_head: int = 12
    n_embd: int = 768
    dropout: float = 0.0                    # 0 for pretraining, try 0.1+ for finetuning
    bias: bool = False                      # bias in Linear and LayerNorm layers (GPT-2 had them)
    # adamw optimizer
    learning_rate: float = 6e-4             # max learning rate
    max_iters: int = 600000                 # iterations 0..max_iters are run, like nanoGPT
    weight_decay: float = 1e-1              # applied to tensors with >= 2 dims only
    beta1: float = 0.9
    beta2: float = 0.95
    grad_clip: float = 1.0                  # clip the gradient norm at this value; 0.0 disables
    # learning rate decay
    decay_lr: bool = True                   # False keeps the lr constant at learning_rate
    warmup_iters: int = 2000                # linear warmup: lr*(it+1)/(warmup_iters+1)
    lr_decay_iters: int = 600000            # decay ends here; ~= max_iters per Chinchilla
    min_lr: float = 6e-5                    # ~= learning_rate/10 per Chinchilla
    # DDP
    backend: str = 'nccl'                   # torchrun on CUDA uses it; CPU processes fall back to gloo
    # system
    device: str = 'auto'                    # nanoGPT: 'cuda'. 'auto' picks cuda, then mps, then cpu
    dtype: str = 'auto'                     # nanoGPT: bf16 if supported else fp16. 'auto': bf16/fp16 on CUDA, float32 elsewhere
    compile: bool = True                    # torch.compile; attempted on CPU too (needs a C compiler there)
    # Plateau Lab extras (not in nanoGPT; the defaults reproduce nanoGPT)
    pos: str = 'learned'                    # position encoding: 'learned' (wpe, GPT-2) | 'rope'
    norm: str = 'layernorm'                 # 'layernorm' (GPT-2) | 'rmsnorm'
    mlp: str = 'gelu'                       # 'gelu' (4x, GPT-2) | 'swiglu' (about the same parameter count)
    lr_schedule: str = 'cosine'             # after warmup: 'cosine' (nanoGPT) | 'linear' (to min_lr)
    seed: int = 1337                        # nanoGPT hard-codes 1337 (+ DDP rank)
    data_dir: str = ''                      # default: data/<dataset>
    vocab_size: Optional[int] = None        # override; default meta.pkl's vocab_size, else 50304
    metrics: bool = True                    # write out_dir/metrics.jsonl


CHOICES = {
    'pos': ('learned', 'rope'),
    'norm': ('layernorm', 'rmsnorm'),
    'mlp': ('gelu', 'swiglu'),
    'lr_schedule': ('cosine', 'linear'),
    'dtype': ('auto', 'float32', 'bfloat16', 'float16'),
    'init_from': ('scratch', 'resume', 'gpt2', 'gpt2-medium', 'gpt2-large', 'gpt2-xl'),
}

FIELDS = {f.name: f for f in dataclasses.fields(TrainConfig)}


def _unknown_key(key):
    close = difflib.get_close_matches(key, FIELDS, n=1)
    hint = f" (did you mean '{close[0]}'?)" if close else ""
    return ConfigError(f"unknown config key '{key}'{hint}")


def _type_name(tp):
    return {int: 'int', float: 'float', bool: 'bool', str: 'str', Optional[int]: 'int or None'}[tp]


def coerce(key, value, raw=None):
    """Check `value` against TrainConfig's field type; return it, converted where that is lossless.

    `raw` is the override's text, used when a str field got a non-string literal
    (`--wandb_run_name=123` means the string '123').
    """
    if key not in FIELDS:
        raise _unknown_key(key)
    tp = FIELDS[key].type
    if tp == Optional[int]:
        if value is None:
            return None
        tp = int
    if tp is bool:
        if isinstance(value, bool):
            return value
    elif tp is int:
        if isinstance(value, int) and not isinstance(value, bool):
            return value
        # nanoGPT rejects --max_iters=5e3; an integral float is what the user meant
        if isinstance(value, float) and math.isfinite(value) and value.is_integer():
            return int(value)
    elif tp is float:
        if isinstance(value, float):
            return value
        if isinstance(value, int) and not isinstance(value, bool):
            return float(value)
    elif tp is str:
        if isinstance(value, str):
            return value
        if raw is not None:
            return raw
    hint = " (use True or False)" if tp is bool else ""
    raise ConfigError(f"{key} must be {_type_name(FIELDS[key].type)}, got {value!r}{hint}")


# --- config files ------------------------------------------------------------

_BINOPS = {
    ast.Add: operator.add, ast.Sub: operator.sub, ast.Mult: operator.mul,
    ast.Div: operator.truediv, ast.FloorDiv: operator.floordiv, ast.Mod: operator.mod,
    ast.Pow: operator.pow,
}

_FOUND = {  # statement type -> what the error message says was found
    ast.Import: 'import', ast.ImportFrom: 'import', ast.FunctionDef: 'function definition',
    ast.AsyncFunctionDef: 'function definition', ast.ClassDef: 'class definition',
    ast.If: 'if statement', ast.For: 'for loop', ast.While: 'while loop', ast.With: 'with statement',
    ast.Try: 'try statement', ast.AugAssign: 'augmented assignment', ast.AnnAssign: 'annotated assignment',
    ast.Delete: 'del statement', ast.Global: 'global statement', ast.Assert: 'assert',
    ast.Raise: 'raise', ast.Pass: 'pass', ast.Expr: 'expression statement',
}


class _Reject(Exception):
    def __init__(self, node, found):
        super().__init__(found)
        self.node, self.found = node, found


def _is_str_time_time(node):
    """`str(time.time())`, the one call nanoGPT's config/finetune_shakespeare.py makes."""
    return (isinstance(node, ast.Call) and isinstance(node.func, ast.Name) and node.func.id == 'str'
            and len(node.args) == 1 and not node.keywords
            and isinstance(node.args[0], ast.Call) and not node.args[0].args and not node.args[0].keywords
            and isinstance(node.args[0].func, ast.Attribute) and node.args[0].func.attr == 'time'
            and isinstance(node.args[0].func.value, ast.Name) and node.args[0].func.value.id == 'time')


def _literal(node):
    """Evaluate a literal expression without eval: constants, tuples/lists, unary minus,
    arithmetic on numbers, string concatenation."""
    if isinstance(node, ast.Constant) and isinstance(node.value, (int, float, str, bool, type(None))):
        return node.value
    if isinstance(node, (ast.Tuple, ast.List)):
        items = [_literal(e) for e in node.elts]
        return tuple(items) if isinstance(node, ast.Tuple) else items
    if isinstance(node, ast.UnaryOp) and isinstance(node.op, (ast.USub, ast.UAdd)):
        v = _literal(node.operand)
        if isinstance(v, (int, float)) and not isinstance(v, bool):
            return -v if isinstance(node.op, ast.USub) else v
        raise _Reject(node, 'a sign on a non-number')
    if isinstance(node, ast.BinOp) and type(node.op) in _BINOPS:
        if _is_str_time_time(node.right) and isinstance(node.op, ast.Add):
            left = _literal(node.left)
            if isinstance(left, str):
                return left + str(time.time())
        a, b = _literal(node.left), _literal(node.right)
        if isinstance(a, str) and isinstance(b, str) and isinstance(node.op, ast.Add):
            return a + b
        numeric = all(isinstance(v, (int, float)) and not isinstance(v, bool) for v in (a, b))
        if not numeric:
            raise _Reject(node, 'arithmetic on non-numbers')
        if isinstance(node.op, ast.Pow) and abs(b) > 64:
            raise _Reject(node, 'an exponent larger than 64')  # 10**10**10 must not hang us
        try:
            return _BINOPS[type(node.op)](a, b)
        except (ZeroDivisionError, OverflowError) as e:
            raise _Reject(node, f'arithmetic error: {e}') from None
    if isinstance(node, ast.Call):
        name = node.func.id if isinstance(node.func, ast.Name) else ast.unparse(node.func)
        raise _Reject(node, f'a call to {name}')
    if isinstance(node, ast.Attribute):
        raise _Reject(node, f'attribute access {ast.unparse(node)}')
    if isinstance(node, ast.Name):
        raise _Reject(node, f'a reference to the name {node.id}')
    raise _Reject(node, type(node).__name__)


def parse_config_items(text, path='<config>'):
    """[(key, value, lineno)] for a nanoGPT config file's text; ConfigError names path:line."""
    try:
        tree = ast.parse(text, filename=path)
    except SyntaxError as e:
        where = f"{path}:{e.lineno}" if e.lineno else path
        raise ConfigError(f"{where}: syntax error: {e.msg}") from None
    except (ValueError, RecursionError, MemoryError) as e:  # null bytes, absurd nesting
        raise ConfigError(f"{path}: cannot parse: {type(e).__name__}: {e}") from None
    items = []
    for stmt in tree.body:
        try:
            if isinstance(stmt, ast.Expr) and isinstance(stmt.value, ast.Constant) and isinstance(stmt.value.value, str):
                continue  # a docstring or a bare string used as a comment
            if isinstance(stmt, ast.Import) and [(a.name, a.asname) for a in stmt.names] == [('time', None)]:
                continue  # finetune_shakespeare.py imports time for str(time.time()); nothing runs
            if not isinstance(stmt, ast.Assign):
                raise _Reject(stmt, _FOUND.get(type(stmt), type(stmt).__name__))
            if len(stmt.targets) != 1 or not isinstance(stmt.targets[0], ast.Name):
                raise _Reject(stmt, f'assignment to {ast.unparse(stmt.targets[0]) if len(stmt.targets) == 1 else "several targets"}')
            items.append((stmt.targets[0].id, _literal(stmt.value), stmt.lineno))
        except _Reject as r:
            raise ConfigError(f"{path}:{r.node.lineno}: only 'name = literal' assignments are allowed "
                              f"(found {r.found})") from None
        except RecursionError:
            raise ConfigError(f"{path}:{stmt.lineno}: value nested too deeply") from None
    return items


def _read(path):
    try:
        with open(path, encoding='utf-8') as f:
            return f.read()
    except FileNotFoundError:
        raise ConfigError(f"config file not found: {path}") from None
    except (OSError, UnicodeDecodeError) as e:
        raise ConfigError(f"cannot read config file {path}: {e}") from None


def parse_config_file(path) -> dict:
    """{name: value} of a nanoGPT config file, parsed, never executed; later assignments win."""
    return {k: v for k, v, _ in parse_config_items(_read(path), str(path))}


# --- command line --------------------------------------------------------------

def parse_override(arg):
    """'--key=value' -> (key, value), the value type-checked against TrainConfig.

    Like nanoGPT's configurator: literal_eval, falling back to the plain string
    (so --dtype=float16 works). Unlike it, only the first '=' splits.
    """
    if not arg.startswith('--') or '=' not in arg:
        raise ConfigError(f"expected --key=value, got '{arg}'"
                          + (f" (did you mean {arg}=True?)" if arg[2:] in FIELDS and FIELDS[arg[2:]].type is bool else ""))
    key, raw = arg[2:].split('=', 1)
    if key not in FIELDS:
        raise _unknown_key(key)
    try:
        value = ast.literal_eval(raw)
    except (SyntaxError, ValueError, TypeError, MemoryError, RecursionError):
        value = raw
    return key, coerce(key, value, raw=raw)


def validate(cfg):
    """Reject settings nanoGPT would crash on later (or silently misbehave with)."""
    for key, allowed in CHOICES.items():
        if getattr(cfg, key) not in allowed:
            raise ConfigError(f"{key} must be one of {', '.join(allowed)}; got '{getattr(cfg, key)}'")
    dev = cfg.device
    if not (dev in ('auto', 'cpu', 'mps', 'cuda') or (dev.startswith('cuda:') and dev[5:].isdigit())):
        raise ConfigError(f"device must be auto, cpu, mps, cuda or cuda:N; got '{dev}'")
    for key in ('eval_interval', 'log_interval', 'eval_iters', 'gradient_accumulation_steps', 'batch_size',
                'block_size', 'n_layer', 'n_head', 'n_embd'):
        if getattr(cfg, key) < 1:
            raise ConfigError(f"{key} must be at least 1; got {getattr(cfg, key)}")
    for key in ('max_iters', 'warmup_iters', 'lr_decay_iters'):
        if getattr(cfg, key) < 0:
            raise ConfigError(f"{key} must not be negative; got {getattr(cfg, key)}")
    if cfg.n_embd % cfg.n_head:
        raise ConfigError(f"n_embd ({cfg.n_embd}) must be divisible by n_head ({cfg.n_head})")
    if cfg.pos == 'rope' and (cfg.n_embd // cfg.n_head) % 2:
        raise ConfigError(f"pos=rope needs an even head size; n_embd/n_head = {cfg.n_embd // cfg.n_head}")
    if not 0.0 <= cfg.dropout < 1.0:
        raise ConfigError(f"dropout must be in [0, 1); got {cfg.dropout}")
    for key in ('learning_rate', 'min_lr', 'weight_decay', 'grad_clip'):
        v = getattr(cfg, key)
        if not (math.isfinite(v) and v >= 0):
            raise ConfigError(f"{key} must be a finite number >= 0; got {v}")
    for key in ('beta1', 'beta2'):
        if not 0.0 <= getattr(cfg, key) < 1.0:
            raise ConfigError(f"{key} must be in [0, 1); got {getattr(cfg, key)}")
    if cfg.vocab_size is not None and cfg.vocab_size < 1:
        raise ConfigError(f"vocab_size must be at least 1; got {cfg.vocab_size}")
    return cfg


def load_config(argv):
    """argv = [CONFIG.py] [--key=value ...], applied in order like nanoGPT's configurator.

    Returns (TrainConfig, lines): each element of `lines` is one print() of
    nanoGPT's configurator, so `for l in lines: print(l)` reproduces its output
    (`Overriding config with FILE:`, the file's text, `Overriding: key = value`).
    """
    values, lines = {}, []
    for arg in argv:
        if '=' not in arg and not arg.startswith('--'):
            text = _read(arg)
            for key, value, lineno in parse_config_items(text, arg):
                try:
                    values[key] = coerce(key, value)
                except ConfigError as e:
                    raise ConfigError(f"{arg}:{lineno}: {e}") from None
            lines += [f"Overriding config with {arg}:", text]
        else:
            key, value = parse_override(arg)
            values[key] = value
            lines.append(f"Overriding: {key} = {value}")
    return validate(TrainConfig(**values)), lines


def override_lines(cfg):
    """The configurator's echo for a TrainConfig built in code: `Overriding: key = value` for
    each setting that differs from its default, in TrainConfig's order."""
    return [f"Overriding: {f.name} = {getattr(cfg, f.name)}" for f in FIELDS.values()
            if getattr(cfg, f.name) != f.default]


# --- checkpoints -----------------------------------------------------------------

def to_dict(cfg):
    """A plain dict (JSON- and weights_only-pickle-safe) for checkpoints and metrics."""
    return dataclasses.asdict(cfg)


def from_dict(d, strict=False):
    """TrainConfig from to_dict() output or a nanoGPT checkpoint's 'config' dict.

    Missing keys take their defaults (older checkpoints); unknown keys are
    ignored unless strict (nanoGPT forks add their own).
    """
    values = {}
    for key, value in d.items():
        if key not in FIELDS:
            if strict:
                raise _unknown_key(key)
            continue
        values[key] = coerce(key, value)
    return TrainConfig(**values)
