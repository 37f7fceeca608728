"""`python -m trainer bench --nanogpt PATH`: nanoGPT's train.py and ours, timed side by side.

PATH is the user's own checkout of karpathy/nanoGPT; nothing of it is copied
here. Both trainers get the same command-line settings and read the same data
folder, each in a fresh process, alternating; each side's best run counts (a
shared machine only ever slows a run down). ms/iter is the median of the
`iter` lines both print, from iteration `skip` on (iteration 0 holds the first
eval and any compilation).

nanoGPT reads `configurator.py` and `data/<dataset>` from its working folder,
so its runs start in a scratch folder holding links to the checkout's
configurator.py and to the data folder; its model.py is found beside train.py.

- On a CPU: nanoGPT README's CPU recipe (4/4/128, block 64, batch 12), eager.
- On CUDA: two models with each trainer's defaults (bf16, torch.compile):
  nanoGPT's shakespeare_char model (6/6/384, block 256, batch 64) on the char
  data, and GPT-2 124M (micro-batch 12 x 1024, 8 accumulation steps) on GPT-2
  BPE data; MFU against the GPU's real dense bf16 peak (trainer/hardware.py).
"""
import os
import sys
from dataclasses import dataclass

from trainer import recipes, sizing
from trainer.bench.harness import console_timing, run_process
from trainer.bench.registry import BenchError, bench
from trainer.data.bins import read_meta

CHECKOUT_FILES = ('train.py', 'model.py', 'configurator.py')
TIMING = dict(eval_iters=1, log_interval=1, always_save_checkpoint=False)  # plus max_iters, eval_interval
GPT2_124M = dict(n_layer=12, n_head=12, n_embd=768, block_size=1024, batch_size=12, gradient_accumulation_steps=8,
                 dropout=0.0)
SHAKESPEARE_MODEL_KEYS = ('gradient_accumulation_steps', 'batch_size', 'block_size', 'n_layer', 'n_head', 'n_embd',
                          'dropout', 'learning_rate', 'beta2', 'min_lr', 'warmup_iters', 'lr_decay_iters')


@dataclass
class Case:
    """One row: a model and its settings, and which data it trains on ('char' or 'bpe')."""
    label: str
    settings: dict
    data: str
    iters: int
    skip: int


def cases(device_type):
    """The rows measured on this kind of device."""
    if device_type != 'cuda':
        cpu = {k: recipes.CPU_RECIPE[k] for k in SHAKESPEARE_MODEL_KEYS}
        # float32 said outright: nanoGPT's dtype default on a machine without CUDA is 'float16', which
        # does not autocast on a CPU but does switch on its GradScaler
        return [Case("README CPU recipe: 4/4/128, block 64, batch 12",
                     dict(cpu, device='cpu', compile=False, dtype='float32'), 'char', iters=60, skip=15)]
    char = {k: recipes.SHAKESPEARE_CHAR[k] for k in SHAKESPEARE_MODEL_KEYS}
    return [Case("shakespeare_char: 6/6/384, block 256, batch 64", char, 'char', iters=200, skip=50),
            Case("GPT-2 124M: micro-batch 12 x 1024, accumulation 8", GPT2_124M, 'bpe', iters=60, skip=20)]


def check_checkout(path):
    """BenchError unless `path` looks like a nanoGPT checkout."""
    missing = [f for f in CHECKOUT_FILES if not os.path.isfile(os.path.join(path, f))]
    if missing:
        raise BenchError(f"{path} is not a nanoGPT checkout: no {', '.join(missing)} "
                         f"(git clone https://github.com/karpathy/nanoGPT, then pass its folder)")


def nanogpt_folder(checkout, data_dir, work):
    """A scratch working folder for nanoGPT's train.py; returns the dataset name to pass it."""
    os.makedirs(os.path.join(work, 'data'), exist_ok=True)
    link = os.path.join(work, 'configurator.py')
    if not os.path.lexists(link):
        os.symlink(os.path.abspath(os.path.join(checkout, 'configurator.py')), link)
    name = os.path.basename(os.path.abspath(data_dir)) or 'data'
    target = os.path.join(work, 'data', name)
    if not os.path.lexists(target):
        os.symlink(os.path.abspath(data_dir), target)
    return name


def time_both(checkout, case, data_dir, work, repeats, quick):
    """{'nanoGPT': (ms, tokens per iter), 'ours': (...)}: each side's best median over `repeats` runs."""
    iters, skip = (6, 3) if quick else (case.iters, case.skip)
    common = recipes.as_args({**case.settings, **TIMING, 'max_iters': iters, 'eval_interval': 10 * iters})
    dataset = nanogpt_folder(checkout, data_dir, os.path.join(work, 'nanogpt'))
    ours_env = dict(os.environ, PYTHONPATH=_package_root() + os.pathsep + os.environ.get('PYTHONPATH', ''))
    commands = {
        'nanoGPT': ([sys.executable, os.path.join(os.path.abspath(checkout), 'train.py'), *common,
                     f'--dataset={dataset}', '--out_dir=out'], os.path.join(work, 'nanogpt'), None),
        'ours': ([sys.executable, '-m', 'trainer', 'train', *common, f'--dataset={dataset}',
                  f'--data_dir={os.path.abspath(data_dir)}', '--out_dir=out'], os.path.join(work, 'ours'), ours_env),
    }
    best = {}
    for _ in range(repeats):
        for side, (cmd, cwd, env) in commands.items():
            os.makedirs(cwd, exist_ok=True)
            ms, tokens = console_timing(run_process(cmd, cwd=cwd, env=env)[1], skip)
            if side not in best or ms < best[side][0]:
                best[side] = (ms, tokens)
    return best


def _package_root():
    return os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))


def flops_per_iter(case, vocab_size):
    """nanoGPT's FLOP count of one iteration of the case's model (bias off: both trainers' default)."""
    s = case.settings
    n_params = sizing.num_params(s['n_layer'], s['n_embd'], vocab_size, s['block_size'])
    return sizing.flops_per_iter(n_params, s['n_layer'], s['n_head'], s['n_embd'], s['block_size'],
                                 s['batch_size'] * s['gradient_accumulation_steps'])


def table(rows, peak=None):
    """Markdown rows of (case, timings, flops per iter); an MFU column when `peak` = (name, FLOP/s)."""
    head = "| model | nanoGPT ms/iter | ours ms/iter | nanoGPT tokens/s | ours tokens/s | ours vs nanoGPT |"
    rule = "|---|---:|---:|---:|---:|---:|"
    if peak is not None:
        head += f" MFU vs {peak[0]}'s {peak[1] / 1e12:,.0f} TFLOPS (nanoGPT / ours) |"
        rule += "---:|"
    lines = [head, rule]
    for case, t, flops in rows:
        (theirs, tokens), (ours, _) = t['nanoGPT'], t['ours']
        line = (f"| {case.label} | {theirs:.2f} | {ours:.2f} | {tokens / theirs * 1000:,.0f} | "
                f"{tokens / ours * 1000:,.0f} | {theirs / ours:.2f}x |")
        if peak is not None:
            line += f" {flops / (theirs / 1000) / peak[1]:.1%} / {flops / (ours / 1000) / peak[1]:.1%} |"
        lines.append(line)
    return "\n".join(lines) + "\n"


def _vocab(case, opts):
    data_dir = opts.data_dir if case.data == 'char' else opts.bpe_data_dir
    if not os.path.exists(os.path.join(data_dir, 'train.bin')):
        corpus = 'shakespeare_char' if case.data == 'char' else 'shakespeare'
        raise BenchError(f"no data in {data_dir}; prepare it with `python -m trainer prepare {corpus}`")
    meta = read_meta(data_dir)
    return data_dir, meta['vocab_size'] if meta else 50304  # nanoGPT's padded GPT-2 vocab without meta.pkl


@bench('vs-nanogpt')
def vs_nanogpt(opts):
    """Only with --nanogpt PATH: the side-by-side table for this machine."""
    import torch
    from trainer import hardware
    check_checkout(opts.nanogpt)
    device_type = 'cuda' if torch.cuda.is_available() else 'cpu'
    rows = []
    for i, case in enumerate(cases(device_type)):
        data_dir, vocab = _vocab(case, opts)
        timings = time_both(opts.nanogpt, case, data_dir, os.path.join(opts.work_dir, f'vs-{i}'),
                            1 if opts.quick else 3, opts.quick)
        rows.append((case, timings, flops_per_iter(case, vocab)))
    peak = hardware.device_peak_flops('cuda', 'bfloat16')[:2] if device_type == 'cuda' else None
    how = "each trainer's CUDA defaults, bf16 autocast and torch.compile" if peak else "eager float32 on the CPU"
    return (f"nanoGPT's train.py (checkout: {os.path.abspath(opts.nanogpt)}) against ours, same settings and data "
            f"({how}). ms/iter: median of the `iter` lines, best of {1 if opts.quick else 3} alternating runs "
            f"each; 'ours vs nanoGPT' above 1 means ours is faster.\n\n" + table(rows, peak))
