"""Does a modern block beat GPT-2's, at equal parameters and equal steps?

nanoGPT's block is GPT-2's: learned absolute position embeddings (wpe),
LayerNorm and a 4x GELU MLP. The "modern" recipe of LLaMA-style models swaps
in rotary position embeddings (RoPE), RMSNorm and a SwiGLU MLP. We train both
blocks on shakespeare_char with everything else identical (data, seed, batch,
learning-rate schedule, number of steps) and a parameter count made equal:
SwiGLU has three C×H matrices where GELU has two C×4C ones, so the trainer
sizes H to 8C/3 rounded to a multiple of 8 (sizing.swiglu_hidden), which is
exact when n_embd is a multiple of 24. We pick n_embd = 144, so nanoGPT's
get_num_params() gives the same number for both. Which block reaches the
lower val loss, and what does it cost per iteration?
"""
import math
import statistics

import numpy as np

from trainer import sizing
from trainer.analyze.stats import point_noise
from trainer.gallery import Experiment

exp = Experiment(__file__)

# %% One model size, two blocks. n_embd 144 = 6·24, so SwiGLU's hidden width 8·144/3 = 384
# is exact and the two blocks have the same number of weights (bias=False, nanoGPT's default:
# LayerNorm and RMSNorm then both have one weight vector). head_size 36 is even, as RoPE needs.
# The lr follows nanoGPT's shakespeare_char config (1e-3 -> 1e-4); dropout 0 because the
# runs see well under one epoch, so there is nothing to regularize.
P = {
    'cpu': dict(n_layer=4, n_head=4, n_embd=144, block_size=64, batch_size=12, max_iters=900,
                eval_interval=100, eval_iters=40, warmup_iters=50),
    'smoke': dict(n_layer=2, n_head=2, n_embd=48, block_size=32, batch_size=8, max_iters=40,
                  eval_interval=10, eval_iters=5, warmup_iters=5),
    'gpu': dict(n_layer=12, n_head=12, n_embd=768, block_size=1024, batch_size=16, max_iters=5000,
                eval_interval=250, eval_iters=100, warmup_iters=500),
}[exp.profile]
COMMON = dict(gradient_accumulation_steps=1 if exp.profile != 'gpu' else 8, log_interval=1,
              learning_rate=1e-3, min_lr=1e-4, lr_decay_iters=P['max_iters'], beta2=0.99, dropout=0.0, **P)
BLOCKS = {
    'gpt2': dict(pos='learned', norm='layernorm', mlp='gelu'),
    'modern': dict(pos='rope', norm='rmsnorm', mlp='swiglu'),
}
if exp.profile == 'gpu':
    data = exp.data('fineweb-edu', max_tokens=1_000_000_000)  # > the 655M tokens trained on
else:
    data = exp.data('shakespeare_char')

runs = {name: exp.train(name, data, **COMMON, **block) for name, block in BLOCKS.items()}

# %% Parameter counts as the run headers report them (model.get_num_params()), checked
# against the closed form; the GPT-2 model's wpe table is left out of that count.
C, L, T = P['n_embd'], P['n_layer'], P['block_size']
params = {name: run.header['num_params'] for name, run in runs.items()}
vocab = runs['gpt2'].header['model_args']['vocab_size']
for name, block in BLOCKS.items():
    assert params[name] == sizing.num_params(L, C, vocab, T, bias=False, **block), (name, params[name])
H = sizing.swiglu_hidden(C)
wpe = T * C


def summary(run):
    xs, ys = run.series('val_loss')
    best = min(range(len(ys)), key=lambda i: ys[i])
    dts = [r['dt_ms'] for r in run.iters if r['iter'] >= 5 and r['iter'] % P['eval_interval']]  # no eval inside
    # One batch's loss spread, from successive train-mode iter losses (the analyzer's estimate: differences
    # cancel the slow trend); an eval averages eval_iters such batches.
    tail = np.array([r['loss'] for r in run.iters if r['iter'] >= P['max_iters'] // 2])
    return dict(xs=xs, ys=ys, final=ys[-1], final_iter=xs[-1], best=ys[best], best_iter=xs[best],
                ms=statistics.median(dts), noise=point_noise(tail) / math.sqrt(P['eval_iters']))


S = {name: summary(run) for name, run in runs.items()}
assert S['gpt2']['final_iter'] == S['modern']['final_iter'] == P['max_iters']
tokens_per_iter = runs['gpt2'].header['tokens_per_iter']


@exp.render
def render(r):
    # %% Val loss against iteration, one curve per block; the last eval is labelled.
    with r.figure('curves', main=True) as (fig, ax):
        for name in BLOCKS:
            s = S[name]
            (line,) = ax.plot(s['xs'], s['ys'], marker='o', markersize=3,
                              label=r.t('modern_block.legend', block=r.t(f'modern_block.{name}'),
                                        params=r.params(params[name])))
            ax.annotate(r.num(s['final'], 3), (s['final_iter'], s['final']), xytext=(4, 0),
                        textcoords='offset points', va='center', ha='left', color=line.get_color())
        ax.set_xlabel(r.t('iteration'))
        ax.set_ylabel(r.t('val_loss'))
        ax.set_title(r.t('modern_block.fig_title', L=L, C=C, iters=r.int(P['max_iters'])))
        ax.set_xlim(0, P['max_iters'] * 1.08)
        # the first eval (iteration 0, ln(vocab)) squeezes the interesting part; start the view below it
        lo = min(min(s['ys']) for s in S.values())
        hi = max(s['ys'][1] if len(s['ys']) > 1 else s['ys'][0] for s in S.values())
        ax.set_ylim(lo - 0.05 * (hi - lo), hi + 0.05 * (hi - lo))
        ax.legend(loc='upper right')

    # %% The table: exact counts, final and best val loss, speed.
    rows = []
    for name in BLOCKS:
        s = S[name]
        rows.append([r.t(f'modern_block.{name}'), r.int(params[name]), r.num(s['final'], 4),
                     r.num(s['best'], 4) + f" ({r.t('iteration')} {r.int(s['best_iter'])})", r.num(s['ms'], 1)])
    noise = max(S[n]['noise'] for n in BLOCKS)
    r.table('compare', [r.t('modern_block.col_block'), r.t('modern_block.col_params'),
                        r.t('modern_block.col_final', it=r.int(P['max_iters'])), r.t('modern_block.col_best'),
                        r.t('modern_block.col_ms')], rows, align='lrrrr',
            note=r.t('modern_block.note', tpi=r.int(tokens_per_iter), H=r.int(H), H4=r.int(4 * C), C=C,
                     wpe=r.int(wpe), n=P['eval_iters'], noise=r.num(noise, 3)))

    # %% Every number the page quotes.
    v = r.value
    v('params_gpt2', params['gpt2'], r.int(params['gpt2']))
    v('params_modern', params['modern'], r.int(params['modern']))
    v('val_gpt2', S['gpt2']['final'], r.num(S['gpt2']['final'], 3))
    v('val_modern', S['modern']['final'], r.num(S['modern']['final'], 3))
