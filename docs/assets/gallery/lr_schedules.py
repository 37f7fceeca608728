"""What does the end of the learning-rate decay buy, against keeping the learning rate constant?

The same model, data and steps, trained with four schedules that share their
warmup and differ afterwards: cosine decay to min_lr = peak/10 (nanoGPT's
habit), cosine decay to peak/100, linear decay to zero, and a constant
learning rate as the control. Three seeds each; a seed sets the initial
weights and the batch order, and each schedule sees the same seeds, so the
schedules are compared seed by seed. How far below the constant run does each
decayed run end, how much of that comes in each quarter of the run, and do
the three endings differ by more than the seeds do?
"""
import numpy as np

from trainer.gallery import Experiment
from trainer.gallery.claims import above, below, straddles_zero
from trainer.plots import mean_band

exp = Experiment(__file__)

# %% One small model (2 layers, 64 wide: 0.1M parameters) on all of Shakespeare, under one epoch,
# so that the schedule and not repetition shapes the end of the run. The peak learning rate is
# high and warmup short, so most of the run is the part that differs.
P = exp.settings({
    'cpu': dict(seeds=(1, 2, 3), peak=3e-3,
                run=dict(n_layer=2, n_head=4, n_embd=64, block_size=64, batch_size=16, gradient_accumulation_steps=1,
                         dropout=0.0, max_iters=2000, lr_decay_iters=2000, warmup_iters=60, beta2=0.99,
                         eval_interval=250, eval_iters=20, log_interval=20)),
    'smoke': dict(seeds=(1, 2), peak=2e-3,
                  run=dict(n_layer=1, n_head=2, n_embd=32, block_size=32, batch_size=8, gradient_accumulation_steps=1,
                           dropout=0.0, max_iters=40, lr_decay_iters=40, warmup_iters=4, beta2=0.99,
                           eval_interval=10, eval_iters=2, log_interval=2)),
})
PEAK, SEEDS, ITERS = P['peak'], P['seeds'], P['run']['max_iters']
if ITERS % (4 * P['run']['eval_interval']):
    raise SystemExit('error: every quarter of the run must end on an eval')

# %% The four schedules: run name -> the TrainConfig settings that differ.
SCHEDULES = {
    'cosine_10': dict(lr_schedule='cosine', min_lr=PEAK / 10),
    'cosine_100': dict(lr_schedule='cosine', min_lr=PEAK / 100),
    'linear_0': dict(lr_schedule='linear', min_lr=0.0),
    'constant': dict(decay_lr=False, min_lr=PEAK / 10),
}
DECAYED = [n for n in SCHEDULES if n != 'constant']
data = exp.data('shakespeare_char')
groups = {name: exp.train(name, data, seeds=SEEDS, learning_rate=PEAK, **P['run'], **extra)
          for name, extra in SCHEDULES.items()}
QUARTERS = [ITERS * q // 4 for q in range(5)]  # 0, 500, 1000, 1500, 2000 on the cpu profile


def val_at(group, step):
    return group.per_seed(lambda run: run.val_loss[int(np.flatnonzero(run.eval_steps == step)[0])])


# %% Per seed: the val loss at the end of each quarter; what each quarter gained; how far below the
# constant run each decayed one is at each quarter's end (paired by seed).
at = {n: [val_at(g, s) for s in QUARTERS] for n, g in groups.items()}
gain = {n: [at[n][q] - at[n][q + 1] for q in range(4)] for n in groups}
below_constant = {n: [at['constant'][q] - at[n][q] for q in range(1, 5)] for n in DECAYED}
final = {n: at[n][-1] for n in groups}
ending_gap = final['linear_0'] - final['cosine_10']  # paired: < 0 where linear ends lower
finals_spread = max(final[n].spread for n in groups)

closest = min((below_constant[n][-1] for n in DECAYED), key=lambda v: v.lo)  # the decayed run nearest constant
# A schedule's lead over constant is a paired difference (same seed: same init, batches and eval batches),
# so its own seed spread is the noise it is measured against.
lead_spread = max(below_constant[n][-1].spread for n in DECAYED)
exp.claim('decay_beats_constant', closest, above(3 * lead_spread),
          'every decayed schedule ends below the constant learning rate, for every seed, by more than 3x the '
          'largest seed spread of that paired lead')
exp.claim('decay_ahead_by_half_time', below_constant['cosine_10'][1], above(0),
          'by the half-way eval, the cosine run is already below the constant one (every seed)')
last_quarter_vs_third = gain['cosine_10'][3] - gain['cosine_10'][2]
exp.claim('cosine_quarters_3_4_no_difference', last_quarter_vs_third, straddles_zero(),
          'with cosine to peak/10, the seeds disagree on whether the third or the last quarter gains more: '
          'no difference shown')
lead_change_last_quarter = below_constant['cosine_10'][3] - below_constant['cosine_10'][2]
exp.claim('lead_settled_by_three_quarters', lead_change_last_quarter, straddles_zero(),
          "the cosine run's lead over constant does not grow in the last quarter: the seeds disagree on its sign")
exp.claim('endings_within_spread', ending_gap.map(abs), below(finals_spread),
          'linear-to-zero and cosine-to-peak/10 end within the seed spread of a final val of each other (every seed)')


@exp.render
def render(r):
    name = {n: r.t(f'lr_schedules.{n}') for n in groups}

    with r.figure('schedules') as (fig, ax):
        for n, g in groups.items():
            ax.plot(g.first.iters, g.first.lr, label=name[n])
        ax.set_xlabel(r.t('iteration'))
        ax.set_ylabel(r.t('learning_rate'))
        ax.set_title(r.t('lr_schedules.schedules_title', peak=r.sci(PEAK, 0), iters=r.int(ITERS)))
        ax.set_xlim(0, ITERS)
        ax.set_ylim(0, None)
        ax.legend()

    # %% Val loss over the second half, where the schedules part ways; quarters shaded.
    with r.figure('val_loss', main=True) as (fig, ax):
        start = ITERS // 4
        for n, g in groups.items():
            keep = g.eval_steps >= start
            mean_band(ax, g.eval_steps[keep], g.stack('val_loss')[:, keep], label=name[n], marker='o', markersize=3)
        for q in (2, 4):
            ax.axvspan(QUARTERS[q - 1], QUARTERS[q], color='0.94', zorder=0)
        ax.set_xlabel(r.t('iteration'))
        ax.set_ylabel(r.t('val_loss'))
        ax.set_title(r.t('lr_schedules.val_title', n=len(SEEDS)))
        ax.set_xlim(start, ITERS)
        ax.legend()

    rows = []
    for n in groups:
        row = [name[n], r.spread_text(final[n], 'num', 3)]
        row += [r.spread_text(gain[n][q], 'num', 3) for q in range(4)]
        row.append(r.spread_text(below_constant[n][-1], 'num', 3) if n in below_constant else '–')
        rows.append(row)
    r.table('final', [r.t('lr_schedules.col_schedule'), r.t('lr_schedules.col_final_val', it=r.int(ITERS))]
            + [r.t('lr_schedules.col_gain_q', q=q) for q in range(1, 5)] + [r.t('lr_schedules.col_below_constant')],
            rows, align='lrrrrrr', note=r.t('seeds.note', n=len(SEEDS)))

    r.setting('peak', PEAK, 'sci', 0)
    r.setting('max_iters', ITERS)
    r.setting('n_seeds', len(SEEDS))
    for n in groups:
        r.value(f'final_{n}', final[n], 'num', 3)
        for q in range(4):
            r.value(f'gain_q{q + 1}_{n}', gain[n][q], 'num', 3)
    for n in DECAYED:
        for q in range(4):
            r.value(f'below_constant_q{q + 1}_{n}', below_constant[n][q], 'num', 3)
    r.value('ending_gap_linear_vs_cosine', ending_gap, 'num', 3, signed=True)
    r.value('finals_spread', finals_spread, 'num', 3)
    r.value('lead_spread', lead_spread, 'num', 3)
    r.value('lead_change_last_quarter_cosine_10', lead_change_last_quarter, 'num', 3, signed=True)
    r.value('last_vs_third_quarter_gain_cosine_10', last_quarter_vs_third, 'num', 3, signed=True)
