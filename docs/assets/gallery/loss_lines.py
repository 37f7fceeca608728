"""What does each of nanoGPT's loss numbers measure, with and without dropout?

nanoGPT prints two kinds of loss. The `iter` line is the loss of one
micro-batch, taken during the update, in train mode: dropout is on. The `step`
line comes from estimate_loss(), which calls model.eval() and averages
`eval_iters` batches of the train split and then of the val split: dropout is
off for both. We train the same model with dropout 0 and 0.2, everything else
equal, three seeds each, log every iteration, and compare the three numbers.
One `iter` loss is one noisy batch, so the `iter` losses are averaged over a
window centered on each eval (same weights, on average) before comparing.
"""
import numpy as np

from trainer.gallery import Experiment
from trainer.gallery.claims import above, below

exp = Experiment(__file__)

DROPOUTS = [0.0, 0.2]
P = exp.settings({
    'cpu': dict(seeds=(1, 2, 3), run=dict(n_layer=4, n_head=4, n_embd=64, block_size=64, batch_size=16,
                                          max_iters=800, eval_interval=100, eval_iters=40, warmup_iters=40,
                                          learning_rate=2e-3, min_lr=2e-4)),
    'smoke': dict(seeds=(1, 2), run=dict(n_layer=2, n_head=2, n_embd=32, block_size=32, batch_size=8, max_iters=60,
                                         eval_interval=20, eval_iters=5, warmup_iters=5, learning_rate=1e-3,
                                         min_lr=1e-4)),
})
SEEDS, R = P['seeds'], P['run']
WINDOW = R['eval_interval'] // 2  # iter losses within +-WINDOW of an eval are averaged for it
LATE = 0.5                        # "late" evals: at or after this fraction of max_iters

data = exp.data('shakespeare_char')
groups = {d: exp.train(f'dropout{int(round(d * 100)):02d}', data, seeds=SEEDS, gradient_accumulation_steps=1,
                       lr_decay_iters=R['max_iters'], log_interval=1, dropout=d, **R)
          for d in DROPOUTS}


# %% The iter loss logged at iteration N is computed with the weights the eval at N used (the eval
#    runs first, then the update). A window centered on N averages out the batch noise and, to first
#    order, the downward trend of the loss across the window.
def centered_mean(run, w=WINDOW):
    """{iteration: mean iter loss over the 2w+1 iterations centered on it} (full windows only)."""
    if not np.array_equal(run.iters, np.arange(run.iters[0], run.iters[0] + len(run.iters))):
        raise SystemExit('error: loss_lines needs log_interval=1 (one iter loss per iteration)')
    means = np.convolve(run.loss, np.ones(2 * w + 1) / (2 * w + 1), mode='valid')
    return dict(zip(run.iters[w:len(run.iters) - w].tolist(), means))


def late_means(run):
    """Over the late evals with a full window: mean iter loss, step train, step val."""
    iter_mean = centered_mean(run)
    rows = [(iter_mean[s], t, v) for s, t, v in zip(run.eval_steps.tolist(), run.train_loss, run.val_loss)
            if s >= LATE * R['max_iters'] and s in iter_mean]
    if not rows:
        raise SystemExit('error: no late eval with a full window of iter losses')
    return np.mean(rows, axis=0)


late = {d: {k: g.per_seed(lambda run, i=i: late_means(run)[i]) for i, k in enumerate(('iter', 'train', 'val'))}
        for d, g in groups.items()}
gap = {d: late[d]['iter'] - late[d]['train'] for d in DROPOUTS}      # iter (train mode) - step train (eval mode)
val_minus_train = {d: late[d]['val'] - late[d]['train'] for d in DROPOUTS}
D0, D2 = DROPOUTS

exp.claim('dropout_lifts_iter_loss', gap[D2], above(3 * max(gap[D0].spread, gap[D2].spread) + abs(gap[D0].value)),
          f'with dropout {D2}, the iter loss sits above the step-line train loss by more than the dropout-{D0} '
          'gap plus 3x the seed spread')
exp.claim('no_dropout_no_gap', gap[D0].map(abs), below(0.03),
          f'with dropout {D0}, the iter loss and the step-line train loss agree within 0.03 (every seed)')
exp.claim('val_above_train_without_dropout', val_minus_train[D0], above(0),
          f'with dropout {D0}, the step-line val loss sits above the step-line train loss late in the run '
          "(every seed): the usual generalization gap; whatever the val text's ease, it does not outweigh it here")


@exp.render
def render(r):
    lo = R['max_iters'] // 5  # skip the first steep fifth so the gaps are visible
    # one panel above the other: side by side, a phone would shrink them to illegible
    with r.figure('lines', main=True, nrows=2, sharex=True, sharey=True, figsize=(5, 6.2)) as (fig, axes):
        ymin, ymax = [], []
        for ax, d in zip(axes, DROPOUTS):
            g = groups[d]
            run = g.first
            ax.plot(run.iters, run.loss, color='C0', alpha=0.18, linewidth=0.6)
            means = [centered_mean(x) for x in g.runs]
            xs = sorted(means[0])
            my = np.mean([[m[x] for x in xs] for m in means], axis=0)
            ax.plot(xs, my, color='C0', linewidth=1.8, label=r.t('loss_lines.iter_avg', n=r.int(2 * WINDOW + 1)))
            tr, va = g.mean('train_loss'), g.mean('val_loss')
            ax.plot(g.eval_steps, tr, 'o-', color='C1', markersize=4, linewidth=1.2, label=r.t('loss_lines.step_train'))
            ax.plot(g.eval_steps, va, 's--', color='C2', markersize=4, linewidth=1.2, label=r.t('loss_lines.step_val'))
            ax.axvspan(LATE * R['max_iters'], R['max_iters'], color='0.93', zorder=0)
            ax.set_title(r.t('loss_lines.panel', d=r.num(d, 1), n=len(SEEDS)))
            ax.set_ylabel(r.t('loss'))
            ax.set_xlim(lo, R['max_iters'])
            shown = [y for x, y in zip(list(xs) + list(g.eval_steps) * 2, list(my) + list(tr) + list(va)) if x >= lo]
            ymin.append(min(shown))
            ymax.append(max(shown))
        pad = 0.08 * (max(ymax) - min(ymin))
        axes[0].set_ylim(min(ymin) - pad, max(ymax) + pad)
        axes[-1].set_xlabel(r.t('iteration'))
        axes[0].legend()

    rows = []
    for d in DROPOUTS:
        rows.append([r.num(d, 1), r.spread_text(late[d]['iter'], 'num', 3), r.spread_text(late[d]['train'], 'num', 3),
                     r.spread_text(late[d]['val'], 'num', 3), r.spread_text(gap[d], 'num', 3, signed=True)])
    r.table('gaps', [r.t('loss_lines.col_dropout'), r.t('loss_lines.col_iter'), r.t('loss_lines.col_train'),
                     r.t('loss_lines.col_val'), r.t('loss_lines.col_gap')], rows, align='rrrrr',
            note=r.t('loss_lines.note', start=r.int(LATE * R['max_iters']), end=r.int(R['max_iters']),
                     w=r.int(2 * WINDOW + 1)) + ' ' + r.t('seeds.note', n=len(SEEDS)))

    for d, key in zip(DROPOUTS, ('d0', 'd2')):
        r.value(f'iter_gap_{key}', gap[d], 'num', 3, signed=True)
        r.value(f'val_minus_train_{key}', val_minus_train[d], 'num', 3, signed=True)
    r.setting('eval_iters', R['eval_iters'])
