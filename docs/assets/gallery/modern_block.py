"""Does a modern block beat GPT-2's at equal parameters, and does its lead last as training gets longer?

nanoGPT's block is GPT-2's: learned absolute position embeddings (wpe),
LayerNorm and a 4x GELU MLP. The "modern" recipe of LLaMA-style models swaps
in rotary position embeddings (RoPE), RMSNorm and a SwiGLU MLP. Both blocks
train on shakespeare_char with everything else identical, at an equal
parameter count: SwiGLU has three C×H matrices where GELU has two C×4C ones,
so the trainer sizes H to 8C/3 rounded to a multiple of 8 (sizing.swiglu_hidden),
exact when n_embd is a multiple of 24; here n_embd = 48, so nanoGPT's
get_num_params() gives the same number for both. Each block trains at two
lengths (a short run and one four times longer, each with its own schedule),
three seeds each, to separate learning faster early from ending lower. What
does each block cost per iteration?
"""
import numpy as np

from trainer import sizing
from trainer.gallery import Experiment
from trainer.gallery.claims import above
from trainer.plots import mean_band

exp = Experiment(__file__)

# %% One size, two blocks, two lengths. bias=False (nanoGPT's default): LayerNorm and RMSNorm then
# both have one weight vector. head size 12 is even, as RoPE needs. Dropout 0: under one epoch.
P = exp.settings({
    'cpu': dict(seeds=(1, 2, 3), lengths=(400, 1600),
                run=dict(n_layer=2, n_head=4, n_embd=48, block_size=64, batch_size=16, gradient_accumulation_steps=1,
                         dropout=0.0, learning_rate=2e-3, min_lr=2e-4, beta2=0.99, eval_iters=20, log_interval=1)),
    'smoke': dict(seeds=(1, 2), lengths=(20, 40),
                  run=dict(n_layer=1, n_head=2, n_embd=24, block_size=32, batch_size=8, gradient_accumulation_steps=1,
                           dropout=0.0, learning_rate=2e-3, min_lr=2e-4, beta2=0.99, eval_iters=2, log_interval=1)),
})
SEEDS, (SHORT, LONG) = P['seeds'], P['lengths']
BLOCKS = {
    'gpt2': dict(pos='learned', norm='layernorm', mlp='gelu'),
    'modern': dict(pos='rope', norm='rmsnorm', mlp='swiglu'),
}
data = exp.data('shakespeare_char')
groups = {(block, n): exp.train(f'{block}_{n}', data, seeds=SEEDS, max_iters=n, lr_decay_iters=n,
                                warmup_iters=n // 20, eval_interval=n // 10, **P['run'], **settings)
          for block, settings in BLOCKS.items() for n in (SHORT, LONG)}

# %% Parameter counts as the run headers report them, checked against the closed form.
C, L, T = P['run']['n_embd'], P['run']['n_layer'], P['run']['block_size']
params = {block: groups[(block, LONG)].first.num_params for block in BLOCKS}
vocab = groups[('gpt2', LONG)].header['model_args']['vocab_size']
for block, settings in BLOCKS.items():
    if params[block] != sizing.num_params(L, C, vocab, T, bias=False, **settings):
        raise SystemExit(f'error: {block} has {params[block]} parameters, not what sizing.num_params says')


def ms_per_iter(run):
    """Median time of an iteration without an eval in it (the first 5 left out: warm-up)."""
    plain = (run.iters >= 5) & (run.iters % run.config['eval_interval'] != 0)
    return float(np.median(run.dt_ms[plain]))


final = {key: g.per_seed(lambda run: run.val_loss[-1]) for key, g in groups.items()}
gap = {n: final[('gpt2', n)] - final[('modern', n)] for n in (SHORT, LONG)}  # paired by seed; > 0: modern lower
ms = {block: groups[(block, LONG)].per_seed(ms_per_iter) for block in BLOCKS}
spread = max(f.spread for f in final.values())

exp.claim('modern_lower_short', gap[SHORT], above(3 * spread),
          f'after {SHORT} steps the modern block ends lower than GPT-2\'s by more than 3x the largest seed spread')
exp.claim('modern_lower_long', gap[LONG], above(0),
          f'after {LONG} steps the modern block still ends lower (every seed)')
exp.claim('gap_shrinks_with_length', gap[SHORT] - gap[LONG], above(0),
          f'the gap is smaller after {LONG} steps than after {SHORT} (every seed)')


@exp.render
def render(r):
    label = {b: r.t('modern_block.legend', block=r.t(f'modern_block.{b}'), params=r.params(params[b])) for b in BLOCKS}
    with r.figure('curves', main=True) as (fig, ax):
        for block in BLOCKS:
            g = groups[(block, LONG)]
            line = mean_band(ax, g.eval_steps[1:], g.stack('val_loss')[:, 1:], label=label[block])
            s = final[(block, SHORT)]
            ax.errorbar([SHORT], [s.value], yerr=[[s.value - s.lo], [s.hi - s.value]], fmt='s', ms=5,
                        color=line.get_color(), capsize=3)
        ax.set_xlabel(r.t('iteration'))
        ax.set_ylabel(r.t('val_loss'))
        ax.set_title(r.t('modern_block.fig_title', L=L, C=C, short=r.int(SHORT), n=len(SEEDS)))
        ax.legend()

    rows = []
    for block in BLOCKS:
        rows.append([r.t(f'modern_block.{block}'), r.int(params[block]), r.spread_text(final[(block, SHORT)], 'num', 3),
                     r.spread_text(final[(block, LONG)], 'num', 3), r.spread_text(ms[block], 'num', 1)])
    r.table('compare', [r.t('modern_block.col_block'), r.t('modern_block.col_params'),
                        r.t('modern_block.col_final', it=r.int(SHORT)), r.t('modern_block.col_final', it=r.int(LONG)),
                        r.t('modern_block.col_ms')], rows, align='lrrrr',
            note=r.t('modern_block.note', H=r.int(sizing.swiglu_hidden(C)), H4=r.int(4 * C), C=C)
            + ' ' + r.t('seeds.note', n=len(SEEDS)))

    r.setting('params', params['gpt2'])
    r.setting('short', SHORT)
    r.setting('long', LONG)
    for n in (SHORT, LONG):
        for block in BLOCKS:
            r.value(f'val_{block}_{n}', final[(block, n)], 'num', 3)
        r.value(f'gap_{n}', gap[n], 'num', 3)
    r.value('gap_shrink', gap[SHORT] - gap[LONG], 'num', 3)
    r.value('ms_ratio', ms['modern'] / ms['gpt2'], 'num', 2)
