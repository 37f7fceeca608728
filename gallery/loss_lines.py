"""What does each of nanoGPT's loss numbers measure, with and without dropout?

nanoGPT prints two kinds of loss. The `iter` line is the loss of one
micro-batch, taken during the update, in train mode: dropout is on. The `step`
line comes from estimate_loss(), which calls model.eval() and averages
`eval_iters` batches of the train split and then of the val split: dropout is
off for both. We train the same model twice, with dropout 0 and 0.2 and
everything else equal, log every iteration, and compare the three numbers.
One `iter` loss is one noisy batch, so we average the `iter` losses over a
window centered on each eval (same weights, on average) before comparing.
"""
from trainer.gallery import Experiment

exp = Experiment(__file__)

DROPOUTS = [0.0, 0.2]
P = {
    'smoke': dict(model=dict(n_layer=2, n_head=2, n_embd=32, block_size=32, batch_size=8),
                  max_iters=60, eval_interval=20, eval_iters=5, warmup_iters=5, learning_rate=1e-3),
    'cpu': dict(model=dict(n_layer=4, n_head=4, n_embd=128, block_size=64, batch_size=12),
                max_iters=850, eval_interval=100, eval_iters=30, warmup_iters=50, learning_rate=2e-3),
    # the model of nanoGPT's config/train_shakespeare_char.py (which uses dropout 0.2), at both dropouts
    'gpu': dict(model=dict(n_layer=6, n_head=6, n_embd=384, block_size=256, batch_size=64),
                max_iters=5000, eval_interval=250, eval_iters=200, warmup_iters=100, learning_rate=1e-3),
}[exp.profile]
WINDOW = P['eval_interval'] // 2  # iter losses within +-WINDOW of an eval are averaged for it
LATE = 0.5                        # "late" evals: at or after this fraction of max_iters

# %% Two runs, identical but for dropout. log_interval=1: every iteration's train-mode loss.
# The gpu profile trains on GPT-2 BPE FineWeb-Edu, streamed from Hugging Face (network + the hf extra).
data = (exp.data('fineweb-edu', max_tokens=200_000_000) if exp.profile == 'gpu'
        else exp.data('shakespeare_char'))
runs = {}
for d in DROPOUTS:
    runs[d] = exp.train(f'dropout{int(round(d * 100)):02d}', data, **P['model'],
                        gradient_accumulation_steps=1, max_iters=P['max_iters'],
                        lr_decay_iters=P['max_iters'], min_lr=P['learning_rate'] / 10,
                        learning_rate=P['learning_rate'], warmup_iters=P['warmup_iters'],
                        eval_interval=P['eval_interval'], eval_iters=P['eval_iters'],
                        log_interval=1, dropout=d)


# %% The iter loss logged at iteration N is computed with the weights the eval at N used
#    (the eval runs first, then the update). A window centered on N averages out both the
#    batch noise and, to first order, the downward trend of the loss across the window.
def moving_average(xs, ys, w):
    """Centered moving average over 2w+1 points (only where the window is full)."""
    out_x, out_y = [], []
    for i in range(w, len(ys) - w):
        out_x.append(xs[i])
        out_y.append(sum(ys[i - w:i + w + 1]) / (2 * w + 1))
    return out_x, out_y


def compare(run):
    """Per eval with a full window: (iter, mean iter loss, step train loss, val loss)."""
    xs, ys = run.series('loss', kind='iter')
    assert xs == list(range(xs[0], xs[0] + len(xs))), 'log_interval=1: one iter loss per iteration'
    centered = dict(zip(*moving_average(xs, ys, WINDOW)))
    return [(e['iter'], centered[e['iter']], e['train_loss'], e['val_loss'])
            for e in run.evals if e['iter'] > 0 and e['iter'] in centered]


def late_means(run):
    """Mean iter loss, step train loss, val loss and gap (iter - step train) over the late evals."""
    late = [row for row in compare(run) if row[0] >= LATE * P['max_iters']]
    assert late, 'no late eval with a full window'
    it, tr, va = (sum(row[k] for row in late) / len(late) for k in (1, 2, 3))
    return {'iter': it, 'train': tr, 'val': va, 'gap': it - tr, 'n': len(late), 'from': late[0][0],
            'to': late[-1][0]}


stats = {d: late_means(runs[d]) for d in DROPOUTS}


@exp.render
def render(r):
    # %% One panel per run: raw iter losses (faint), their centered average, and the step line.
    lo = P['max_iters'] // 5  # skip the first steep fifth so the gaps are visible
    # one panel above the other: side by side, a phone would shrink them to illegible
    with r.figure('lines', main=True, nrows=2, sharex=True, sharey=True, figsize=(5, 6.2)) as (fig, axes):
        ymin, ymax = [], []
        for ax, d in zip(axes, DROPOUTS):
            run = runs[d]
            xs, ys = run.series('loss', kind='iter')
            ax.plot(xs, ys, color='C0', alpha=0.18, linewidth=0.6)
            mx, my = moving_average(xs, ys, WINDOW)
            ax.plot(mx, my, color='C0', linewidth=1.8, label=r.t('loss_lines.iter_avg', n=r.int(2 * WINDOW + 1)))
            ex, tr = run.series('train_loss')
            _, va = run.series('val_loss')
            ax.plot(ex, tr, 'o-', color='C1', markersize=4, linewidth=1.2, label=r.t('loss_lines.step_train'))
            ax.plot(ex, va, 's--', color='C2', markersize=4, linewidth=1.2, label=r.t('loss_lines.step_val'))
            ax.axvspan(stats[d]['from'] - WINDOW, stats[d]['to'] + WINDOW, color='0.93', zorder=0)
            ax.set_title(r.t('loss_lines.panel', d=r.num(d, 1)))
            ax.set_ylabel(r.t('loss'))
            ax.set_xlim(lo, P['max_iters'])
            late = [y for x, y in zip(mx + ex + ex, my + tr + va) if x >= lo]
            ymin.append(min(late))
            ymax.append(max(late))
        pad = 0.08 * (max(ymax) - min(ymin))
        axes[0].set_ylim(min(ymin) - pad, max(ymax) + pad)
        axes[-1].set_xlabel(r.t('iteration'))
        axes[0].legend()

    # %% The table: averages over the late evals (shaded in the figure).
    rows = []
    for d in DROPOUTS:
        s = stats[d]
        gap = ('+' if s['gap'] >= 0 else '') + r.num(s['gap'], 3)
        rows.append([r.num(d, 1), r.num(s['iter'], 3), r.num(s['train'], 3), r.num(s['val'], 3), gap])
    s0 = stats[DROPOUTS[0]]
    r.table('gaps', [r.t('loss_lines.col_dropout'), r.t('loss_lines.col_iter'), r.t('loss_lines.col_train'),
                     r.t('loss_lines.col_val'), r.t('loss_lines.col_gap')], rows, align='rrrrr',
            note=r.t('loss_lines.note', n=r.int(s0['n']), start=r.int(s0['from']), end=r.int(s0['to']),
                     w=r.int(2 * WINDOW + 1)))

    # %% The numbers the prose quotes.
    for d, key in zip(DROPOUTS, ('iter_gap_d0', 'iter_gap_d2')):
        g = stats[d]['gap']
        r.value(key, g, ('+' if g >= 0 else '') + r.num(g, 3))
