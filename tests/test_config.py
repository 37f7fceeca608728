"""trainer/config.py: nanoGPT's names and defaults, config files parsed (never run), overrides."""
import subprocess
import sys
import time
from pathlib import Path

import pytest
from hypothesis import given, settings, strategies as st

from trainer.config import (ConfigError, TrainConfig, from_dict, load_config, override_lines, parse_config_file,
                            parse_override, to_dict)
from trainer.recipes import SHAKESPEARE_CHAR

sys.path.insert(0, str(Path(__file__).resolve().parent))
import nanogpt_configs  # noqa: E402


@pytest.fixture
def nanogpt(tmp_path):
    """A folder holding nanoGPT-format config files (tests/nanogpt_configs.py), as a user's checkout has."""
    for name in nanogpt_configs.FILES:
        nanogpt_configs.write(tmp_path / 'config', name)
    return tmp_path / 'config'


def write(tmp_path, text, name='cfg.py'):
    path = tmp_path / name
    path.write_text(text)
    return str(path)


# --- defaults -------------------------------------------------------------------------

def test_defaults_are_nanogpt_train_py():
    c = TrainConfig()
    expected = dict(out_dir='out', eval_interval=2000, log_interval=1, eval_iters=200, eval_only=False,
                    always_save_checkpoint=True, init_from='scratch', wandb_log=False, wandb_project='owt',
                    wandb_run_name='gpt2', dataset='openwebtext', gradient_accumulation_steps=40, batch_size=12,
                    block_size=1024, n_layer=12, n_head=12, n_embd=768, dropout=0.0, bias=False,
                    learning_rate=6e-4, max_iters=600000, weight_decay=0.1, beta1=0.9, beta2=0.95, grad_clip=1.0,
                    decay_lr=True, warmup_iters=2000, lr_decay_iters=600000, min_lr=6e-5, backend='nccl',
                    compile=True)
    assert {k: getattr(c, k) for k in expected} == expected
    # our extras default to plain nanoGPT behaviour
    assert (c.device, c.dtype, c.pos, c.norm, c.mlp, c.lr_schedule, c.seed, c.vocab_size) == \
        ('auto', 'auto', 'learned', 'layernorm', 'gelu', 'cosine', 1337, None)


# --- nanoGPT's own config files ------------------------------------------------------------

def test_parses_train_shakespeare_char_unchanged(nanogpt):
    path = str(nanogpt / 'train_shakespeare_char.py')
    expected = dict(
        out_dir='out-shakespeare-char', eval_interval=250, eval_iters=200, log_interval=10,
        always_save_checkpoint=False, wandb_log=False, wandb_project='shakespeare-char', wandb_run_name='mini-gpt',
        dataset='shakespeare_char', gradient_accumulation_steps=1, batch_size=64, block_size=256,
        n_layer=6, n_head=6, n_embd=384, dropout=0.2, learning_rate=1e-3, max_iters=5000, lr_decay_iters=5000,
        min_lr=1e-4, beta2=0.99, warmup_iters=100)
    assert parse_config_file(path) == expected == SHAKESPEARE_CHAR  # the benchmarks' recipe is that file
    cfg, lines = load_config([path])
    assert (cfg.n_layer, cfg.block_size, cfg.beta2, cfg.bias, cfg.weight_decay) == (6, 256, 0.99, False, 0.1)
    # configurator.py prints the header, then the file's text (one print() each)
    assert lines == [f"Overriding config with {path}:", Path(path).read_text()]


def test_parses_train_gpt2_arithmetic(nanogpt):
    values = parse_config_file(str(nanogpt / 'train_gpt2.py'))
    assert values['gradient_accumulation_steps'] == 40 and type(values['gradient_accumulation_steps']) is int
    assert values['wandb_run_name'] == 'gpt2-124M' and values['wandb_log'] is True
    cfg, _ = load_config([str(nanogpt / 'train_gpt2.py')])
    assert cfg.eval_interval == 1000 and cfg.weight_decay == 0.1


def test_finetune_config_time_special_case(nanogpt):
    before = time.time()
    values = parse_config_file(str(nanogpt / 'finetune_shakespeare.py'))
    assert values['wandb_run_name'].startswith('ft-')
    assert before <= float(values['wandb_run_name'][3:]) <= time.time()
    assert values['decay_lr'] is False and values['init_from'] == 'gpt2-xl'


def test_eval_config(nanogpt):
    cfg, _ = load_config([str(nanogpt / 'eval_gpt2.py')])
    assert cfg.eval_only is True and cfg.init_from == 'gpt2' and cfg.eval_iters == 500


# --- rejected config files -------------------------------------------------------------

def test_import_os_rejected_with_line(tmp_path):
    path = write(tmp_path, "# a comment\nout_dir = 'x'\nimport os\n")
    with pytest.raises(ConfigError) as e:
        parse_config_file(path)
    assert str(e.value) == f"{path}:3: only 'name = literal' assignments are allowed (found import)"


@pytest.mark.parametrize('text, line, found', [
    ("from os import path\n", 1, 'import'),
    ("import time as t\n", 1, 'import'),
    ("x = 1\ny = open('/etc/passwd')\n", 2, 'a call to open'),
    ("out_dir = os.path.join('a', 'b')\n", 1, 'a call to os.path.join'),
    ("out_dir = __import__('os').getcwd()\n", 1, 'a call to __import__(\'os\').getcwd'),
    ("n_layer = n_head\n", 1, 'a reference to the name n_head'),
    ("out_dir = sys.argv\n", 1, 'attribute access sys.argv'),
    ("def f():\n    pass\n", 1, 'function definition'),
    ("if True:\n    n_layer = 2\n", 1, 'if statement'),
    ("n_layer = 2\nn_layer += 1\n", 2, 'augmented assignment'),
    ("a, b = 1, 2\n", 1, 'assignment to (a, b)'),
    ("a = b = 1\n", 1, 'assignment to several targets'),
    ("n_layer: int = 2\n", 1, 'annotated assignment'),
    ("x = 2 ** 10 ** 10\n", 1, 'an exponent larger than 64'),
    ("x = 'ab' * 100000000\n", 1, 'arithmetic on non-numbers'),
    ("x = 1 / 0\n", 1, 'arithmetic error: division by zero'),
    ("x = f'{1}'\n", 1, 'JoinedStr'),
    ("x = 'ft-' + str(time.time)\n", 1, 'a call to str'),
    ("print('hi')\n", 1, 'expression statement'),
])
def test_non_literal_configs_rejected(tmp_path, text, line, found):
    path = write(tmp_path, text)
    with pytest.raises(ConfigError) as e:
        parse_config_file(path)
    assert str(e.value) == f"{path}:{line}: only 'name = literal' assignments are allowed (found {found})"


def test_literals_and_arithmetic(tmp_path):
    path = write(tmp_path, '"""docstring"""\na = 5 * 8\nb = 1e-3 / 10\nc = -3\nd = 2 ** 10\ne = (0.9, 0.95)\n'
                           'f = [1, -2]\ng = None\nh = \'a\' + "b"\ni = 7 // 2 % 3\nj = +1.5 - 0.5\na = 1\n')
    assert parse_config_file(path) == dict(a=1, b=1e-4, c=-3, d=1024, e=(0.9, 0.95), f=[1, -2], g=None,
                                           h='ab', i=0, j=1.0)


def test_syntax_error_and_missing_file(tmp_path):
    path = write(tmp_path, "n_layer = 2\nn_head = = 3\n")
    with pytest.raises(ConfigError, match=r'cfg\.py:2: syntax error'):
        parse_config_file(path)
    with pytest.raises(ConfigError, match='config file not found: nope.py'):
        load_config(['nope.py'])


def test_config_file_unknown_key_and_type_error_name_the_line(tmp_path):
    path = write(tmp_path, "n_layer = 2\nlerning_rate = 1e-3\n")
    with pytest.raises(ConfigError) as e:
        load_config([path])
    assert str(e.value) == f"{path}:2: unknown config key 'lerning_rate' (did you mean 'learning_rate'?)"
    path = write(tmp_path, "n_layer = 2.5\n")
    with pytest.raises(ConfigError, match=r'cfg\.py:1: n_layer must be int, got 2\.5'):
        load_config([path])
    # nanoGPT's exec would accept a fork's extra key silently; we refuse it
    path = write(tmp_path, "use_svd = False\n")
    with pytest.raises(ConfigError, match="unknown config key 'use_svd'"):
        load_config([path])


# --- --key=value overrides -----------------------------------------------------------------

def test_overrides():
    assert parse_override('--max_iters=5e3') == ('max_iters', 5000)
    assert type(parse_override('--max_iters=5e3')[1]) is int
    assert parse_override('--learning_rate=1') == ('learning_rate', 1.0)
    assert type(parse_override('--learning_rate=1')[1]) is float
    assert parse_override('--compile=False') == ('compile', False)
    assert parse_override('--dtype=float16') == ('dtype', 'float16')  # falls back to the plain string
    assert parse_override("--dataset='shakespeare_char'") == ('dataset', 'shakespeare_char')
    assert parse_override('--wandb_run_name=123') == ('wandb_run_name', '123')
    assert parse_override('--wandb_run_name=a=b') == ('wandb_run_name', 'a=b')
    assert parse_override('--vocab_size=None') == ('vocab_size', None)
    assert parse_override('--vocab_size=65') == ('vocab_size', 65)


@pytest.mark.parametrize('arg, message', [
    ('--max_iters=5.5', 'max_iters must be int, got 5.5'),
    ('--max_iters=1e400', 'max_iters must be int, got inf'),
    ('--max_iters=abc', "max_iters must be int, got 'abc'"),
    ('--max_iters=True', 'max_iters must be int, got True'),
    ('--compile=1', 'compile must be bool, got 1 (use True or False)'),
    ('--compile=false', "compile must be bool, got 'false' (use True or False)"),
    ('--learning_rate=fast', "learning_rate must be float, got 'fast'"),
    ('--vocab_size=6.5', 'vocab_size must be int or None, got 6.5'),
    ('--lerning_rate=1e-3', "unknown config key 'lerning_rate' (did you mean 'learning_rate'?)"),
    ('--zzz=1', "unknown config key 'zzz'"),
    ('--compile', "expected --key=value, got '--compile' (did you mean --compile=True?)"),
    ('max_iters=5', "expected --key=value, got 'max_iters=5'"),
])
def test_bad_overrides(arg, message):
    with pytest.raises(ConfigError) as e:
        load_config([arg])
    assert str(e.value) == message


def test_files_and_overrides_apply_in_order(tmp_path):
    a = write(tmp_path, "n_layer = 2\nn_head = 2\n", 'a.py')
    b = write(tmp_path, "n_layer = 3\n", 'b.py')
    cfg, lines = load_config([a, '--n_layer=4', '--n_embd=64', b])
    assert (cfg.n_layer, cfg.n_head, cfg.n_embd) == (3, 2, 64)
    assert lines == [f"Overriding config with {a}:", "n_layer = 2\nn_head = 2\n", "Overriding: n_layer = 4",
                     "Overriding: n_embd = 64", f"Overriding config with {b}:", "n_layer = 3\n"]
    _, lines = load_config(['--max_iters=5e3', '--compile=False', '--dtype=float16'])
    assert lines == ["Overriding: max_iters = 5000", "Overriding: compile = False", "Overriding: dtype = float16"]


@pytest.mark.parametrize('args, message', [
    (['--n_embd=100', '--n_head=3'], 'n_embd (100) must be divisible by n_head (3)'),
    (['--pos=rop'], "pos must be one of learned, rope; got 'rop'"),
    (['--dtype=fp16'], "dtype must be one of auto, float32, bfloat16, float16; got 'fp16'"),
    (['--device=tpu'], "device must be auto, cpu, mps, cuda or cuda:N; got 'tpu'"),
    (['--dropout=1.0'], 'dropout must be in [0, 1); got 1.0'),
    (['--batch_size=0'], 'batch_size must be at least 1; got 0'),
    (['--max_iters=-1'], 'max_iters must not be negative; got -1'),
    (['--learning_rate=nan'], "learning_rate must be float, got 'nan'"),
    (['--learning_rate=-1e-3'], 'learning_rate must be a finite number >= 0; got -0.001'),
    (['--pos=rope', '--n_embd=30', '--n_head=2'], 'pos=rope needs an even head size; n_embd/n_head = 15'),
])
def test_validation(args, message):
    with pytest.raises(ConfigError) as e:
        load_config(args)
    assert str(e.value) == message


def test_valid_devices():
    for dev in ('auto', 'cpu', 'cuda', 'cuda:1', 'mps'):
        assert load_config([f'--device={dev}'])[0].device == dev


@settings(max_examples=300, deadline=None)
@given(st.text(max_size=40))
def test_any_override_text_gives_a_config_or_a_config_error(text):
    try:
        load_config(['--' + text])
    except ConfigError:
        pass


@settings(max_examples=200, deadline=None)
@given(st.text(max_size=80))
def test_any_config_text_gives_values_or_a_config_error(tmp_path_factory, text):
    path = tmp_path_factory.mktemp('cfg') / 'c.py'
    path.write_text(text, encoding='utf-8')
    try:
        parse_config_file(str(path))
    except ConfigError:
        pass


# --- checkpoints ----------------------------------------------------------------------

def test_override_lines_echo_what_differs_from_the_defaults():
    # what run(cfg) prints for a config built in code, in the configurator's words
    cfg = TrainConfig(device='cpu', n_layer=4, dropout=0.1)
    assert override_lines(cfg) == ['Overriding: n_layer = 4', 'Overriding: dropout = 0.1', 'Overriding: device = cpu']
    assert override_lines(TrainConfig()) == []


def test_to_dict_from_dict_round_trip():
    cfg, _ = load_config(['--n_layer=3', '--pos=rope', '--vocab_size=65'])
    d = to_dict(cfg)
    assert d['n_layer'] == 3 and d['pos'] == 'rope'
    assert from_dict(d) == cfg


def test_from_dict_nanogpt_checkpoint_config():
    # a nanoGPT checkpoint's 'config' holds its globals: device 'cuda', dtype 'bfloat16', no extras
    d = dict(to_dict(TrainConfig()), device='cuda', dtype='bfloat16', use_svd=True)
    for k in ('pos', 'norm', 'mlp', 'seed', 'metrics', 'lr_schedule', 'data_dir', 'vocab_size'):
        d.pop(k)
    cfg = from_dict(d)
    assert (cfg.device, cfg.dtype, cfg.pos, cfg.seed) == ('cuda', 'bfloat16', 'learned', 1337)
    with pytest.raises(ConfigError, match="unknown config key 'use_svd'"):
        from_dict(d, strict=True)
    with pytest.raises(ConfigError, match='n_layer must be int'):
        from_dict({'n_layer': 'x'})


def test_light_modules_do_not_import_torch():
    code = ("import sys, trainer.config, trainer.sizing, trainer.hardware, trainer.recipes, trainer.atomic, "
            "trainer.console, trainer.metrics, trainer.train_help; "
            "print('torch' in sys.modules)")
    out = subprocess.run([sys.executable, '-c', code], capture_output=True, text=True,
                         cwd=Path(__file__).parent.parent, check=True)
    assert out.stdout.strip() == 'False'
