"""How does the loss of a small model depend on the tokens it has seen per parameter?

Hoffmann et al. (2022, "Chinchilla") found that for a fixed compute budget the
best loss comes from about 20 training tokens per parameter. That is a rule for
splitting a budget between model size and data, not a point where learning
stops. Here three small GPTs (4 layers, 4 heads, three widths) train on
shakespeare_char for the same number of iterations, so they see the same tokens
but very different tokens per parameter. Each eval's val loss is drawn against
tokens seen / parameters (nanoGPT's own count, from the run header), with
Chinchilla's 20 marked. Does loss stop falling past 20? And which model is best
after the same tokens?
"""
from trainer.gallery import Experiment

exp = Experiment(__file__)

CHINCHILLA = 20  # Hoffmann et al. 2022: ~20 training tokens per parameter is compute-optimal

# %% Three widths, one schedule. Same iterations and batch for every model, so the tokens seen are
# the same and tokens per parameter differs only by the parameter count. The sizes are chosen so that
# 20 tokens per parameter falls inside the range the cpu runs reach: well past it for the smallest
# model, about at it for the middle one, well short of it for the largest.
P = {
    'cpu': dict(widths=[24, 48, 96], n_layer=4, n_head=4, block_size=64, batch_size=32, max_iters=1000,
                eval_interval=50, eval_iters=8, learning_rate=2e-3, warmup_iters=50),
    'smoke': dict(widths=[16, 32], n_layer=2, n_head=2, block_size=32, batch_size=8, max_iters=40,
                  eval_interval=10, eval_iters=2, learning_rate=2e-3, warmup_iters=5),
    'gpu': dict(widths=[64, 128, 256, 384], n_layer=6, n_head=6, block_size=256, batch_size=64,
                max_iters=5000, eval_interval=250, eval_iters=100, learning_rate=1e-3, warmup_iters=200),
}[exp.profile]

# The gpu profile trains on GPT-2 BPE FineWeb-Edu, streamed from Hugging Face (network + the hf extra).
data = (exp.data('fineweb-edu', max_tokens=200_000_000) if exp.profile == 'gpu'
        else exp.data('shakespeare_char'))
runs = {}
for C in P['widths']:
    runs[C] = exp.train(f'n_embd_{C}', data, n_layer=P['n_layer'], n_head=P['n_head'], n_embd=C,
                        block_size=P['block_size'], batch_size=P['batch_size'], gradient_accumulation_steps=1,
                        max_iters=P['max_iters'], lr_decay_iters=P['max_iters'], eval_interval=P['eval_interval'],
                        eval_iters=P['eval_iters'], log_interval=10, learning_rate=P['learning_rate'],
                        min_lr=P['learning_rate'] / 10, warmup_iters=P['warmup_iters'], dropout=0.0)


# %% Tokens per parameter at each eval: tokens_seen (logged by the trainer at every eval) over
# num_params, the count nanoGPT prints as "number of parameters" (position embedding left out).
def curve(run):
    n = run.header['num_params']
    pts = [(e['tokens_seen'] / n, e['val_loss']) for e in run.evals if e['tokens_seen'] > 0]
    return n, pts


curves = {C: curve(run) for C, run in runs.items()}
tokens_per_iter = runs[P['widths'][0]].header['tokens_per_iter']
assert all(run.header['tokens_per_iter'] == tokens_per_iter for run in runs.values())


@exp.render
def render(r):
    # %% Val loss against tokens per parameter, log x: every curve covers the same tokens, shifted
    # left by its parameter count. The dot is each run's final eval.
    with r.figure('loss_vs_tpp', main=True) as (fig, ax):
        for C, (n, pts) in curves.items():
            xs, ys = zip(*pts)
            (line,) = ax.plot(xs, ys, marker='.', markersize=3, linewidth=1.4,
                              label=r.t('chinchilla.model', L=P['n_layer'], H=P['n_head'], C=C,
                                        params=r.params(n)))
            ax.plot([xs[-1]], [ys[-1]], 'o', color=line.get_color(), markersize=5)
        # named in the legend: a label beside the line would run past the axes or over the curves
        ax.axvline(CHINCHILLA, color='0.3', linestyle='--', linewidth=1, label=r.t('chinchilla.line', n=CHINCHILLA))
        ax.set_xscale('log')
        ax.set_xlabel(r.t('tokens_per_param'))
        ax.set_ylabel(r.t('val_loss'))
        ax.set_title(r.t('chinchilla.fig_title', tokens=r.int(tokens_per_iter)))
        ax.legend(loc='upper left')

    # %% The table: nanoGPT's parameter count, tokens seen and tokens per parameter at the last eval.
    rows = []
    for C, run in runs.items():
        n, last = run.header['num_params'], run.evals[-1]
        rows.append([f"{P['n_layer']}/{P['n_head']}/{C}", r.int(n), r.count(last['tokens_seen'], 2),
                     r.num(last['tokens_seen'] / n, 1), r.num(last['val_loss'], 4)])
    r.table('runs', [r.t('chinchilla.col_model'), r.t('params'), r.t('tokens_seen'), r.t('tokens_per_param'),
                     r.t('chinchilla.col_final_val')], rows, align='lrrrr',
            note=r.t('chinchilla.note', iters=r.int(P['max_iters']), tpi=r.int(tokens_per_iter),
                     batches=r.int(P['eval_iters'])))
