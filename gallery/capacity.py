"""On fixed data, how low can each model width get, and where does more width stop helping?

"The model is full" is a claim we can test: train the same depth at several
widths on the same fixed dataset, each long enough that its val loss stops
improving, and compare the floors (the lowest val loss each reaches) against
the parameter count (nanoGPT's get_num_params). A model limited by its
capacity flattens with train and val close together; a model limited by its
data reaches its floor and then overfits, val turning up while train keeps
falling. Three seeds per width (a seed sets the initial weights and the batch
order); a difference between widths counts only where it exceeds that spread.
"""
import numpy as np

import _gpu_plan as gpu
from trainer.gallery import Experiment
from trainer.gallery.claims import above, below, straddles_zero
from trainer.gallery.groups import PerSeed
from trainer.plots import mean_band

exp = Experiment(__file__)

# %% Profiles. cpu: 2 layers at widths 16 to 128 (8k to 0.4M parameters) on 1/256 of Shakespeare's
# training text (17,779 characters), 69 to 144 epochs, so that every width reaches its floor within
# the budget (on 1/64 of the text, every width was still improving in its last quarter).
P = exp.settings({
    'cpu': dict(data=dict(corpus='shakespeare_char'), shards=dict(shards=1, num_shards=256), seeds=(1, 2, 3),
                iters={16: 2500, 32: 2500, 64: 2000, 128: 1200},
                run=dict(n_layer=2, n_head=4, block_size=64, batch_size=16, gradient_accumulation_steps=1,
                         dropout=0.0, learning_rate=2e-3, min_lr=2e-4, warmup_iters=100, eval_interval=100,
                         eval_iters=20, log_interval=10)),
    'smoke': dict(data=gpu.SHAKESPEARE, shards={}, seeds=(1, 2), iters={8: 20, 16: 20, 24: 20, 32: 20},
                  run=dict(n_layer=1, n_head=2, block_size=32, batch_size=4, gradient_accumulation_steps=1,
                           dropout=0.0, learning_rate=2e-3, min_lr=2e-4, warmup_iters=3, eval_interval=10,
                           eval_iters=2, log_interval=5)),
    # the case study's width against GPT-2 small's, on all of Shakespeare in GPT-2 BPE (gallery/_gpu_plan.py)
    'gpu': dict(data=gpu.DATA, shards={}, seeds=gpu.SEEDS, iters={w: gpu.ITERS for w in gpu.WIDTHS},
                run={k: v for k, v in gpu.schedule().items() if k != 'n_embd'}),
})
SEEDS, WIDTHS = P['seeds'], sorted(P['iters'])
data = exp.data(**P['data'], **P['shards'])
run = {k: v for k, v in P['run'].items() if k not in ('max_iters', 'lr_decay_iters')}
groups = {C: exp.train(f'width_{C}', data, seeds=SEEDS, n_embd=C, max_iters=P['iters'][C],
                       lr_decay_iters=P['iters'][C], **run) for C in WIDTHS}


# %% Per seed: the floor (lowest val), the train loss at that eval, and how much val still gained
# over the last quarter of the run (small once the floor is reached).
def measures(group):
    def best(run):
        return int(np.argmin(run.val_loss))

    def last_quarter_gain(run):
        q = int(np.searchsorted(run.eval_steps, 0.75 * run.eval_steps[-1]))
        return run.val_loss[q] - run.val_loss[q:].min()

    return dict(
        floor=group.per_seed(lambda run: run.val_loss[best(run)]),
        train_at_floor=group.per_seed(lambda run: run.train_loss[best(run)]),
        floor_epochs=group.per_seed(lambda run: run.epochs(run.eval_steps[best(run)])),
        last_quarter_gain=group.per_seed(last_quarter_gain),
        rise=group.per_seed(lambda run: run.val_loss[-1] - run.val_loss[best(run)]),
    )


M = {C: measures(g) for C, g in groups.items()}
params = {C: g.first.num_params for C, g in groups.items()}
gain = {C: M[C]['floor'] - M[C2]['floor'] for C, C2 in zip(WIDTHS, WIDTHS[1:])}  # paired by seed: > 0 if wider is lower

# %% Claims. On this little data every width reaches a floor: the wide ones overfit after it (val turns
# up), the narrow ones flatten (they still creep down a little). Going wider helps only at first.
narrow, mid = WIDTHS[0], WIDTHS[1]
if len(WIDTHS) < 4:  # the gpu profile's pair (384 against 768): one claim, reported there, not enforced
    exp.claim('wider_floor_lower', gain[narrow], above(0),
              f'width {mid} reaches a lower floor than width {narrow}, for every seed')
else:
    top, below_top = WIDTHS[-1], WIDTHS[-2]
    narrow_ones, wide_ones = WIDTHS[:2], WIDTHS[2:]
    exp.claim('narrow_floors_nearly_flat',
              PerSeed(SEEDS, np.max([M[C]['last_quarter_gain'].values for C in narrow_ones], axis=0)), below(0.1),
              f'widths {narrow} and {mid} gain less than 0.1 nats of val over their last quarter: nearly flat, '
              'though still creeping down')
    exp.claim('wide_ones_overfit_after_floor',
              PerSeed(SEEDS, np.min([M[C]['rise'].values for C in wide_ones], axis=0)),
              above(3 * max(M[C]['floor'].spread for C in wide_ones)),
              f'widths {", ".join(str(C) for C in wide_ones)} overfit: after its floor, val rises by more than 3x the '
              'seed spread of the floor (every seed)')
    exp.claim('wider_is_lower_at_first', gain[narrow], above(0),
              f'width {mid} reaches a lower floor than width {narrow}, for every seed')
    exp.claim('no_clear_gain_second_doubling', gain[WIDTHS[1]], straddles_zero(),
              f'width {WIDTHS[2]} against width {WIDTHS[1]}: the seeds disagree on which floor is lower, no difference '
              'shown')
    exp.claim('widest_gains_nothing', gain[below_top], below(0.02),
              f'width {top} does not reach a floor more than 0.02 below width {below_top}: on this data, more width '
              'stops helping')
    gap_at_floor = {C: M[C]['floor'] - M[C]['train_at_floor'] for C in WIDTHS}
    exp.claim('narrowest_gap_smallest',
              PerSeed(SEEDS, np.min([(gap_at_floor[C] - gap_at_floor[narrow]).values for C in WIDTHS[1:]], axis=0)),
              above(0),
              f'at its floor, the val - train gap of width {narrow} is smaller than that of every wider width '
              '(every seed)')


@exp.render
def render(r):
    def name(C):
        return r.t('capacity.width', C=C, params=r.params(params[C]))

    with r.figure('curves', main=True) as (fig, ax):
        for C, g in groups.items():
            x = g.first.epochs(g.eval_steps)[1:]
            mean_band(ax, x, g.stack('val_loss')[:, 1:], label=name(C))
        ax.set_xscale('log')
        ax.set_xlabel(r.t('epochs'))
        ax.set_ylabel(r.t('val_loss'))
        ax.set_title(r.t('capacity.curves_title', L=P['run']['n_layer'], n=len(SEEDS)))
        top_floor = max(M[C]['floor'].hi for C in WIDTHS)
        ax.set_ylim(min(M[C]['floor'].lo for C in WIDTHS) - 0.05, top_floor + 0.5)
        ax.legend()

    with r.figure('floor_vs_params') as (fig, ax):
        xs = np.array([params[C] / 1e6 for C in WIDTHS])
        for key, marker, label in (('floor', 'o', r.t('capacity.floor')), ('train_at_floor', 's', r.t('capacity.train_at_floor'))):
            ys = np.array([M[C][key].values for C in WIDTHS])  # (widths, seeds)
            mean_band(ax, xs, ys.T, label=label, marker=marker, ms=4)
        ax.set_xscale('log')
        ax.set_xlabel(r.t('params_millions'))
        ax.set_ylabel(r.t('loss'))
        ax.set_title(r.t('capacity.floor_title', n=len(SEEDS)))
        ax.legend()

    rows = [[f"{P['run']['n_layer']}/{P['run']['n_head']}/{C}", r.params(params[C]), r.int(P['iters'][C]),
             r.spread_text(M[C]['floor'], 'num', 3), r.spread_text(M[C]['train_at_floor'], 'num', 3),
             r.spread_text(M[C]['floor_epochs'], 'num', 1), r.spread_text(M[C]['last_quarter_gain'], 'num', 3),
             r.spread_text(M[C]['rise'], 'num', 3)] for C in WIDTHS]
    r.table('sweep', ['n_layer/n_head/n_embd', r.t('params'), r.t('capacity.col_iters'), r.t('capacity.floor'),
                      r.t('capacity.train_at_floor'), r.t('capacity.col_floor_epochs'),
                      r.t('capacity.col_last_quarter'), r.t('capacity.col_rise')], rows, align='lrrrrrrr',
            note=r.t('seeds.note', n=len(SEEDS)))

    r.setting('train_tokens', groups[WIDTHS[0]].first.train_tokens)
    r.setting('n_seeds', len(SEEDS))
    for C in WIDTHS:
        r.setting(f'params_{C}', params[C], 'params')
        r.value(f'floor_{C}', M[C]['floor'], 'num', 3)
        r.value(f'floor_epochs_{C}', M[C]['floor_epochs'], 'num', 1)
        r.value(f'gap_at_floor_{C}', M[C]['floor'] - M[C]['train_at_floor'], 'num', 3)
    for C, C2 in zip(WIDTHS, WIDTHS[1:]):
        r.value(f'floor_gain_{C}_to_{C2}', gain[C], 'num', 3)
