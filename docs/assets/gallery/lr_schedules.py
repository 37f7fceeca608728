"""How much of the final loss does the end of the learning-rate schedule win?

The same model, data and steps, trained three times; only the end of the schedule
changes: cosine decay to min_lr = peak/10 (nanoGPT's habit), cosine decay to a much
lower min_lr = peak/100, and linear decay to zero. How much does val fall in the last
quarter, where the learning rate is lowest, and which ending gives the lowest final
val? A fourth figure needs no training: the seeds' own schedule (1e-3 to 1e-4 over
20,000 iterations) through nanoGPT's get_lr, with its default warmup of 2000 and
without warmup, against the 2.5e-4 the seeds claim for iteration 14,000.
"""
from trainer import sizing
from trainer.analyze.synthetic import seeds_train_config
from trainer.gallery import Experiment

exp = Experiment(__file__)

# %% One model per profile, small for its data and steps (the cpu one sees ~20 tokens per
# parameter), so that it nears its plateau and the end of the schedule, not the steps, sets
# the final loss. The peak LR is high; warmup is short, so nearly all of the run is decay.
P = {
    'smoke': dict(model=dict(n_layer=2, n_head=2, n_embd=32, block_size=32, batch_size=8),
                  iters=40, warmup=4, eval_interval=10, eval_iters=2, log_interval=2, lr=2e-3),
    'cpu': dict(model=dict(n_layer=2, n_head=4, n_embd=64, block_size=64, batch_size=16),
                iters=2400, warmup=60, eval_interval=100, eval_iters=20, log_interval=20, lr=3e-3),
    'gpu': dict(model=dict(n_layer=6, n_head=6, n_embd=384, block_size=256, batch_size=64),
                iters=5000, warmup=100, eval_interval=250, eval_iters=100, log_interval=10, lr=1e-3),
}[exp.profile]
ITERS, PEAK = P['iters'], P['lr']
assert ITERS % (4 * P['eval_interval']) == 0, 'the last quarter must start on an eval'

# %% The three endings: (run name, schedule, min_lr). Everything else is shared, and the
# batches (train and eval) are a function of the seed, so the runs see the same data.
SCHEDULES = [('cosine_10', 'cosine', PEAK / 10), ('cosine_100', 'cosine', PEAK / 100), ('linear_0', 'linear', 0.0)]
NANOGPT = 'cosine_10'

# The gpu profile trains on GPT-2 BPE FineWeb-Edu, streamed from Hugging Face (network + the hf extra).
data = (exp.data('fineweb-edu', max_tokens=200_000_000) if exp.profile == 'gpu'
        else exp.data('shakespeare_char'))
runs = {name: exp.train(name, data, **P['model'], gradient_accumulation_steps=1, dropout=0.0,
                        learning_rate=PEAK, min_lr=min_lr, lr_schedule=schedule, warmup_iters=P['warmup'],
                        max_iters=ITERS, lr_decay_iters=ITERS, beta2=0.99, eval_interval=P['eval_interval'],
                        eval_iters=P['eval_iters'], log_interval=P['log_interval'])
        for name, schedule, min_lr in SCHEDULES}


def final(run):
    """The eval at the last iteration: its val loss and the LR it ran at."""
    last = run.evals[-1]
    assert last['iter'] == ITERS, last
    return last


def val_at(run, it):
    return next(e['val_loss'] for e in run.evals if e['iter'] == it)


QUARTER = ITERS * 3 // 4
drop = val_at(runs[NANOGPT], QUARTER) - final(runs[NANOGPT])['val_loss']
best = min(runs, key=lambda n: final(runs[n])['val_loss'])
finals = [final(run)['val_loss'] for run in runs.values()]
spread = max(finals) - min(finals)  # how far apart the three endings are

# %% The seeds' schedule, no training: their config parsed like any nanoGPT config
# (it leaves warmup_iters out, so nanoGPT's default 2000 applies), then get_lr.
seeds = seeds_train_config()
CLAIMED, ASKED_AT = 2.5e-4, 14_000  # the seed notes: "at iteration 14,000 the LR is still ~2.5e-4"
WARMUPS = [seeds.warmup_iters, 0]


def seeds_lr(it, warmup):
    return sizing.get_lr(it, seeds.learning_rate, warmup, seeds.lr_decay_iters, seeds.min_lr, seeds.decay_lr)


SEEDS_ITERS = list(range(0, seeds.max_iters + 1, 50))


@exp.render
def render(r):
    name = {n: r.t(f'lr_schedules.{n}') for n in runs}

    # %% The three schedules: identical up to the middle, different where the LR is small.
    with r.figure('schedules') as (fig, ax):
        for n, run in runs.items():
            ax.plot(*run.series('lr', kind='iter'), label=name[n])
        ax.set_xlabel(r.t('iteration'))
        ax.set_ylabel(r.t('learning_rate'))
        ax.set_title(r.t('lr_schedules.schedules_title', peak=r.sci(PEAK, 0), iters=r.int(ITERS)))
        ax.set_xlim(0, ITERS)
        ax.set_ylim(0, None)
        ax.legend()

    # %% Val loss: the whole run, and the second half zoomed in, where the endings differ.
    with r.figure('val_loss', main=True, nrows=2, figsize=(5, 6.2)) as (fig, (full, zoom)):  # stacked: phones
        start = ITERS // 2
        for n, run in runs.items():
            xs, ys = run.series('val_loss')
            full.plot(xs, ys, label=name[n])
            tail = [(x, y) for x, y in zip(xs, ys) if x >= start]
            zoom.plot(*zip(*tail), marker='o', markersize=3, label=name[n])
        for ax in (full, zoom):
            ax.axvspan(QUARTER, ITERS, color='0.92', zorder=0)
            ax.set_xlabel(r.t('iteration'))
            ax.set_ylabel(r.t('val_loss'))
        full.set_title(r.t('lr_schedules.full_title'))
        zoom.set_title(r.t('lr_schedules.zoom_title', start=r.int(start)))
        zoom.set_xlim(start, ITERS)
        zoom.annotate(r.t('lr_schedules.last_quarter'), (QUARTER, 1), xycoords=('data', 'axes fraction'),
                      xytext=(4, -4), textcoords='offset points', ha='left', va='top', color='0.3')
        full.legend()

    # %% What each ending gives: the LR it ends at, the final val, and the best val.
    rows = []
    for n, run in runs.items():
        last = final(run)
        b = min(e['val_loss'] for e in run.evals)
        row = [name[n], r.sci(last['lr'], 1) if last['lr'] else '0', r.num(last['val_loss'], 4), r.num(b, 4)]
        rows.append([f'**{c}**' for c in row] if n == best else row)
    r.table('final', [r.t('lr_schedules.col_schedule'), r.t('lr_schedules.col_final_lr', it=r.int(ITERS)),
                      r.t('lr_schedules.col_final_val'), r.t('lr_schedules.col_best_val')], rows, align='lrrr')

    # %% The seeds' schedule with and without warmup; the claimed value at 14,000 dashed.
    with r.figure('seeds_lr') as (fig, ax):
        for warmup in WARMUPS:
            curve = (r.t('lr_schedules.seeds_warmup', n=r.int(warmup)) if warmup else r.t('lr_schedules.seeds_nowarmup'))
            at = seeds_lr(ASKED_AT, warmup)
            # the value at 14,000 goes in the legend: next to the point it would sit on a curve
            label = r.t('lr_schedules.seeds_at', curve=curve, lr=r.sci(at, 2), it=r.int(ASKED_AT))
            (line,) = ax.plot(SEEDS_ITERS, [seeds_lr(it, warmup) for it in SEEDS_ITERS], label=label)
            ax.plot([ASKED_AT], [at], 'o', color=line.get_color(), markersize=5)
        ax.axhline(CLAIMED, color='0.3', linestyle='--', linewidth=1,
                   label=r.t('lr_schedules.claimed', lr=r.sci(CLAIMED, 1)))
        ax.axvline(ASKED_AT, color='0.5', linestyle=':', linewidth=1)
        ax.set_xlabel(r.t('iteration'))
        ax.set_ylabel(r.t('learning_rate'))
        ax.set_title(r.t('lr_schedules.seeds_title', peak=r.sci(seeds.learning_rate, 0),
                         min=r.sci(seeds.min_lr, 0), iters=r.int(seeds.lr_decay_iters)))
        ax.set_xlim(0, seeds.max_iters)
        ax.set_ylim(0, None)
        ax.legend(loc='upper right')

    # %% The numbers the page quotes.
    r.value('drop_last_quarter_cosine', drop, r.num(drop, 3))
    r.value('best_schedule', best, r.t(f'lr_schedules.{best}'))
    r.value('final_spread', spread, r.num(spread, 3))
