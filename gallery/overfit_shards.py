"""After how many epochs over the same data does a model start to overfit, and how fast does val rise then?

The case study's notes blame its plateau on "two or three epochs" over one
parquet file. Repetition can cause overfitting, and overfitting has a
signature: the train loss keeps falling while val turns up. Here one model
trains for the same number of steps on the first 1/256, 1/64 and 1/16 of
Shakespeare's training text and on all of it, three seeds each (a seed sets the
initial weights and the order of the batches). Where, in epochs, does each val
curve reach its minimum, how fast does it rise after it, and at what ratio of
parameters to training tokens? The analyzer then reads the smallest shard's
console log, as a reader would read theirs.
"""
import numpy as np

import _gpu_plan as gpu
from trainer.analyze.report import evidence_table
from trainer.gallery import Experiment
from trainer.gallery.claims import above, below, between, straddles_zero
from trainer.gallery.groups import PerSeed
from trainer.plots import mean_band

exp = Experiment(__file__)

# %% Profiles. cpu: a 4-layer, 64-wide model (0.2M parameters) with a high learning rate, so that
# memorizing a small shard pays off within minutes on a CPU; dropout off.
P = exp.settings({
    'cpu': dict(data=dict(corpus='shakespeare_char'), num_shards=256, shards=(1, 4, 16, 256), seeds=(1, 2, 3),
                run=dict(n_layer=4, n_head=4, n_embd=64, block_size=64, batch_size=16, gradient_accumulation_steps=1,
                         dropout=0.0, learning_rate=4e-3, min_lr=4e-4, max_iters=1000, lr_decay_iters=1000,
                         warmup_iters=50, eval_interval=50, eval_iters=20, log_interval=10)),
    # the gpu profile's data path (Shakespeare in GPT-2 BPE, shards of it), at a size a CPU runs in seconds
    'smoke': dict(data=gpu.SHAKESPEARE, num_shards=16, shards=(1, 16), seeds=(1, 2),
                  run=dict(n_layer=1, n_head=2, n_embd=32, block_size=32, batch_size=4, gradient_accumulation_steps=1,
                           dropout=0.0, learning_rate=4e-3, min_lr=4e-4, max_iters=40, lr_decay_iters=40,
                           warmup_iters=4, eval_interval=10, eval_iters=2, log_interval=5)),
    # the case study's own model, 12/12/384 (gallery/_gpu_plan.py)
    'gpu': dict(data=gpu.DATA, num_shards=gpu.NUM_SHARDS, shards=gpu.SHARDS, seeds=gpu.SEEDS,
                run=gpu.schedule()),
})
N, SEEDS = P['num_shards'], P['seeds']


def data(k):
    return exp.data(**P['data']) if k == N else exp.data(**P['data'], shards=k, num_shards=N)


groups = {k: exp.train('all' if k == N else f'shard_{k}_of_{N}', data(k), seeds=SEEDS, **P['run']) for k in P['shards']}
SMALLEST, ALL = P['shards'][0], P['shards'][-1]


# %% Per seed: where val is lowest, how much it rises after, and its slope in loss per epoch
# (a least-squares line through the evals, which averages out the noise of single evals).
def slope(epochs, val):
    return float(np.polyfit(epochs, val, 1)[0]) if len(val) >= 3 else 0.0


def measures(group):
    def best(run):
        return int(np.argmin(run.val_loss))

    last_quarter = lambda run: run.eval_steps >= 0.75 * run.eval_steps[-1]  # noqa: E731
    late = lambda run: run.eval_steps >= 0.6 * run.eval_steps[-1]  # noqa: E731  the last 40% of the run
    return dict(
        best_epochs=group.per_seed(lambda run: run.epochs(run.eval_steps[best(run)])),
        best_val=group.per_seed(lambda run: run.val_loss[best(run)]),
        final_val=group.per_seed(lambda run: run.val_loss[-1]),
        final_train=group.per_seed(lambda run: run.train_loss[-1]),
        rise=group.per_seed(lambda run: run.val_loss[-1] - run.val_loss[best(run)]),
        # fixed windows, not ones chosen from where the noisy minimum fell (which biases them upward)
        late_slope=group.per_seed(lambda run: slope(run.epochs(run.eval_steps[late(run)]), run.val_loss[late(run)])),
        late_rise=group.per_seed(lambda run: run.val_loss[-3:].mean()
                                 - run.val_loss[max(best(run) - 1, 0):best(run) + 2].mean()),
        tail_slope=group.per_seed(lambda run: slope(run.epochs(run.eval_steps[last_quarter(run)]),
                                                    run.val_loss[last_quarter(run)])),
    )


M = {k: measures(g) for k, g in groups.items()}
ratio = {k: g.first.num_params / g.first.train_tokens for k, g in groups.items()}  # parameters per train token
epochs_end = {k: float(g.first.epochs(g.first.eval_steps[-1])) for k, g in groups.items()}

# %% The claims the pages make from these runs.
small = M[SMALLEST]
# Whether val rises after its minimum, measured on fixed windows: a line through the evals of the
# last 40% of the run, and the mean of the last 3 evals minus the mean of the 3 around the minimum
# (a minimum picked from ~20 noisy evals sits low by chance, so final - min alone overstates a rise).
# The second is a value, not a claim: on these runs it is neither beyond nor within 3x the final
# val's seed spread on every seed.
exp.claim('smallest_shard_val_flat_late', small['late_slope'], straddles_zero(),
          f'on 1/{N // SMALLEST} of the data, a line through val over the last 40% of the run does not climb '
          'on every seed: the seeds disagree on its sign (no rise shown)')
# 20 epochs on the cpu profile; the smoke profile's runs end far below that, so its bound scales down
best_lo = min(20.0, epochs_end[SMALLEST] / 2)
exp.claim('smallest_shard_best_epochs', small['best_epochs'], between(best_lo, epochs_end[SMALLEST]),
          f'on 1/{N // SMALLEST} of the data, val is lowest after {best_lo:g} epochs and before the last eval of the run')
# The val - train gap at the end of the run, against epochs: the early sign, before val turns up.
gaps = [M[k]['final_val'] - M[k]['final_train'] for k in P['shards']]  # from the smallest shard to all the data
gap_growth = PerSeed(SEEDS, np.min([(a - b).values for a, b in zip(gaps, gaps[1:])], axis=0))
exp.claim('gap_grows_with_epochs', gap_growth, above(0),
          'the smaller the shard (the more epochs), the larger the final val - train gap, at each step down in '
          'shard size and for every seed')
exp.claim('all_data_still_falling', M[ALL]['tail_slope'], below(0),
          'on all the data (under one epoch), val still falls over the last quarter of the run')

# %% The analyzer reads the smallest shard's console log (seed 1), as a reader would read theirs.
first = groups[SMALLEST].first
diagnosis = first.analysis()


@exp.render
def render(r):
    def name(k):
        return r.t('overfit_shards.all') if k == N else r.t('overfit_shards.fraction', d=r.int(N // k))

    with r.figure('curves', main=True) as (fig, ax):
        for k, g in groups.items():
            x = g.first.epochs(g.eval_steps)[1:]  # from the first eval after step 0 (log axis)
            line = mean_band(ax, x, g.stack('val_loss')[:, 1:], label=name(k))
            b = M[k]['best_epochs']
            if M[k]['rise'].lo > 0.05:  # a curve that turns: mark where, on average
                ax.plot([b.value], [M[k]['best_val'].value], 'o', color=line.get_color(), ms=5)
        g = groups[SMALLEST]
        mean_band(ax, g.first.epochs(g.eval_steps)[1:], g.stack('train_loss')[:, 1:], color='0.45', linestyle='--',
                  label=r.t('overfit_shards.train_smallest', d=r.int(N // SMALLEST)))
        ax.set_xscale('log')
        ax.set_xlabel(r.t('epochs'))
        ax.set_ylabel(r.t('loss'))
        ax.set_title(r.t('overfit_shards.curves_title', n=len(SEEDS)))
        ax.legend()

    rows = []
    for k, g in groups.items():
        m = M[k]
        rows.append([name(k), r.int(g.first.train_tokens), r.num(ratio[k], 2), r.num(epochs_end[k], 1),
                     r.spread_text(m['best_epochs'], 'num', 1), r.spread_text(m['best_val'], 'num', 3),
                     r.spread_text(m['final_val'], 'num', 3), r.spread_text(m['rise'], 'num', 3)])
    r.table('summary', [r.t('overfit_shards.col_data'), r.t('overfit_shards.col_tokens'),
                        r.t('overfit_shards.col_ratio'), r.t('overfit_shards.col_epochs'),
                        r.t('overfit_shards.col_best_epochs'), r.t('overfit_shards.col_best_val'),
                        r.t('overfit_shards.col_last_val'), r.t('overfit_shards.col_rise')], rows, align='lrrrrrrr',
            note=r.t('seeds.note', n=len(SEEDS)))
    r.markdown('evidence', '\n'.join(evidence_table(diagnosis, r.lang, heading=False)))

    r.setting('n_shards', N)
    # the gpu profile's designed wall time (gallery/_gpu_plan.py), from H200 measurements
    r.setting('gpu_plan_minutes', gpu.estimate_seconds() / 60, 'num', 1)
    r.setting('gpu_budget_minutes', gpu.BUDGET_S / 60, 'int')
    r.setting('max_iters', P['run']['max_iters'])
    r.setting('n_seeds', len(SEEDS))
    r.setting('params', groups[ALL].first.num_params, 'params')
    for k in groups:
        key = 'all' if k == N else f'frac_{N // k}'
        m = M[k]
        r.setting(f'tokens_{key}', groups[k].first.train_tokens)
        r.setting(f'ratio_{key}', ratio[k], 'num', 2)
        r.setting(f'epochs_{key}', epochs_end[k], 'num', 1 if epochs_end[k] >= 1 else 2)
        r.value(f'best_epochs_{key}', m['best_epochs'], 'num', 1)
        r.value(f'best_val_{key}', m['best_val'], 'num', 3)
        r.value(f'final_val_{key}', m['final_val'], 'num', 3)
        r.value(f'rise_{key}', m['rise'], 'num', 3)
        r.value(f'gap_{key}', m['final_val'] - m['final_train'], 'num', 3)
    r.value('late_slope_smallest', small['late_slope'], 'num', 4)
    r.value('late_rise_smallest', small['late_rise'], 'num', 3)
    r.value('best_val_spread_smallest', small['best_val'].spread, 'num', 3)
    r.text_value('analyzer_codes', diagnosis.codes(), ', '.join(f'`{c}`' for c in diagnosis.codes()))
