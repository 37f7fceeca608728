"""Why is the iteration after an eval so slow, and why does the printed MFU dip after it?

nanoGPT reads its clock once per iteration (t0/t1), and the evaluation sits at
the top of the loop, so the eval's forward passes are charged to that
iteration's `time`. The printed MFU is an exponential moving average (0.9/0.1)
that starts after the process's first 5 iterations (local_iter_num >= 5), so
one slow iteration pulls it down and it recovers geometrically. We train a
small model with evals every `eval_interval` iterations, three seeds, log every
iteration, and measure both effects; then check note 004's own numbers
against the same arithmetic.
"""
import math

import numpy as np

from trainer.gallery import Experiment
from trainer.gallery.claims import above, between

exp = Experiment(__file__)

P = exp.settings({
    'cpu': dict(seeds=(1, 2, 3), run=dict(n_layer=4, n_head=4, n_embd=128, block_size=64, batch_size=12,
                                          max_iters=300, eval_interval=100, eval_iters=50)),
    'smoke': dict(seeds=(1, 2), run=dict(n_layer=1, n_head=2, n_embd=32, block_size=32, batch_size=4,
                                         max_iters=40, eval_interval=20, eval_iters=10)),
})
SEEDS, R = P['seeds'], P['run']
EMA = 0.9  # nanoGPT: running_mfu = 0.9 * running_mfu + 0.1 * mfu
# Note 004's log around its eval at 5000: the iteration before it, the eval iteration, the printed MFUs.
NOTE_004 = dict(typical_ms=33.23, eval_ms=4446.83, mfu_before=11.09, mfu_after=9.99)

data = exp.data('shakespeare_char')
group = exp.train(f"eval_every_{R['eval_interval']}", data, seeds=SEEDS, gradient_accumulation_steps=1,
                  lr_decay_iters=R['max_iters'], log_interval=1, learning_rate=1e-3, min_lr=1e-4,
                  warmup_iters=R['max_iters'] // 20, **R)
EVALS = [int(s) for s in group.eval_steps if s > 0]


def timing(run):
    """Median time of a plain iteration and of an iteration that starts with an eval (iteration 0 aside)."""
    plain = (run.iters > 0) & (run.iters % R['eval_interval'] != 0)
    on_eval = np.isin(run.iters, EVALS)
    return float(np.median(run.dt_ms[plain])), float(np.median(run.dt_ms[on_eval]))


def dip(run):
    """The printed MFU (against this CPU's peak) just before and at the first eval after step 0."""
    at = dict(zip(run.iters.tolist(), run.mfu_device))
    return at[EVALS[0] - 1], at[EVALS[0]]


typical = group.per_seed(lambda run: timing(run)[0])
on_eval = group.per_seed(lambda run: timing(run)[1])
mfu_before = group.per_seed(lambda run: dip(run)[0])
mfu_after = group.per_seed(lambda run: dip(run)[1])
first_mfu = group.per_seed(lambda run: run.iters[np.isfinite(run.mfu)][0])  # first iteration with a printed MFU

exp.claim('eval_iteration_is_slow', on_eval / typical, above(10),
          f"an iteration that starts with an eval of 2 x {R['eval_iters']} batches takes more than 10x a plain one")
exp.claim('mfu_dips_after_eval', mfu_before - mfu_after, above(0),
          'the printed MFU is lower at the eval iteration than just before it (every seed)')
exp.claim('mfu_average_starts_after_5', first_mfu, between(4.5, 5.5),
          'the first printed MFU that is not the -100% placeholder is at iteration 5: after 5 iterations (0 to 4)')

# %% The running average, undone: each iteration's own MFU, from the printed EMA.
HALF_LIFE = math.log(0.5) / math.log(EMA)       # logged iterations until half the dip is gone
RECOVER90 = math.ceil(math.log(0.1) / math.log(EMA))
# Note 004: the eval iteration's own MFU is the steady one scaled by typical/eval time; the EMA mixes a tenth in.
note_eval_s = (NOTE_004['eval_ms'] - NOTE_004['typical_ms']) / 1000
note_predicted = EMA * NOTE_004['mfu_before'] + (1 - EMA) * NOTE_004['mfu_before'] * NOTE_004['typical_ms'] / NOTE_004['eval_ms']


def excerpt_lines(run):
    lines = run.log_text().splitlines()
    start = next(i for i, line in enumerate(lines) if line.startswith('tokens per iteration'))
    head = lines[start:next(i for i, line in enumerate(lines) if line.startswith('iter 6:')) + 1]
    k = next(i for i, line in enumerate(lines) if line.startswith(f'step {EVALS[0]}:'))
    return lines[:1] + ['...'] + head + ['...'] + lines[k - 2:k + 4] + ['...']


@exp.render
def render(r):
    run = group.first
    with r.figure('iter_time', main=True) as (fig, ax):
        ax.plot(run.iters, run.dt_ms, lw=0.8, label=r.t('reading_output.dt'))
        starts = np.isin(run.iters, [0] + EVALS)
        ax.plot(run.iters[starts], run.dt_ms[starts], 'o', color='C3', ms=4, label=r.t('reading_output.eval_iters_marker'))
        ax.set_yscale('log')
        ax.set_xlabel(r.t('iteration'))
        ax.set_ylabel(r.t('time_ms'))
        ax.set_title(r.t('reading_output.iter_time_title', n=r.int(R['eval_interval'])))
        ax.legend()

    with r.figure('mfu_ema') as (fig, ax):
        ok = np.isfinite(run.mfu_device)
        its, ema = run.iters[ok], run.mfu_device[ok]
        raw = np.concatenate([ema[:1], (ema[1:] - EMA * ema[:-1]) / (1 - EMA)])
        ax.plot(its, raw, lw=0.6, alpha=0.5, color='0.5', label=r.t('reading_output.mfu_raw'))
        ax.plot(its, ema, lw=1.4, color='C0', label=r.t('reading_output.mfu_printed'))
        for s in EVALS:
            ax.axvline(s, color='C3', lw=0.8, ls=':')
        ax.set_ylim(0, 1.3 * float(np.max(ema)))
        ax.set_xlabel(r.t('iteration'))
        ax.set_ylabel(r.t('reading_output.mfu_axis'))
        ax.set_title(r.t('reading_output.mfu_title'))
        ax.legend(loc='lower right')

    keys = ('overriding', 'tokens', 'params', 'decay', 'fused', 'step0', 'iter0', 'sentinel', 'eval', 'dip')
    notes = [r.t(f'reading_output.note_{k}', s=r.int(EVALS[0]), n=r.int(R['eval_iters']), k=r.int(5)) for k in keys]
    r.markdown('excerpt', '```text\n' + '\n'.join(excerpt_lines(run)) + '\n```\n\n'
               + '\n'.join(f'{i}. {n}' for i, n in enumerate(notes, 1)))

    device = run.header.get('device_name') or run.header.get('device')
    r.text_value('device', device, f'`{device}`')
    r.value('dt_typical_ms', typical, 'num', 1)
    r.value('dt_eval_ms', on_eval, 'num', 0)
    r.value('eval_ratio', on_eval / typical, 'num', 0)
    r.setting('eval_interval', R['eval_interval'])
    r.setting('eval_iters', R['eval_iters'])
    r.value('mfu_before', mfu_before, 'pct', 1)
    r.value('mfu_after', mfu_after, 'pct', 1)
    r.value('mfu_dip', mfu_before - mfu_after, 'num', 1)
    r.value('first_mfu_iter', first_mfu, 'int')
    r.value('ema_half_life', HALF_LIFE, 'num', 1, kind='setting')
    r.value('ema_recover90', RECOVER90, 'int', kind='setting')
    r.value('note004_eval_s', note_eval_s, 'num', 1, kind='setting')
    r.value('note004_predicted', note_predicted, 'pct', 2, kind='setting')
    r.value('note004_printed_after', NOTE_004['mfu_after'], 'pct', 2, kind='setting')
