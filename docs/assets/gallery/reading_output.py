"""Why is the iteration after an eval so slow, and why does the printed MFU dip after it?

nanoGPT reads its clock once per iteration (t0/t1), and the evaluation sits at
the top of the loop, so the eval's forward passes are charged to that
iteration's `time`. The printed MFU is an exponential moving average (0.9/0.1)
that starts at the process's 5th iteration, so one slow iteration pulls it down
and it recovers geometrically. We train a small model with evals every
`eval_interval` iterations, log every iteration, and measure both effects; then
check the seed note's own numbers against the same arithmetic.
"""
import math
import statistics

from trainer.gallery import Experiment

exp = Experiment(__file__)

P = {
    'cpu': dict(model=dict(n_layer=4, n_head=4, n_embd=128, block_size=64, batch_size=12),
                max_iters=400, eval_interval=100, eval_iters=50),
    'smoke': dict(model=dict(n_layer=1, n_head=2, n_embd=32, block_size=32, batch_size=4),
                  max_iters=40, eval_interval=20, eval_iters=10),
    'gpu': dict(model=dict(n_layer=12, n_head=12, n_embd=768, block_size=1024, batch_size=12),
                max_iters=600, eval_interval=200, eval_iters=200),
}[exp.profile]
EMA = 0.9  # nanoGPT: running_mfu = 0.9 * running_mfu + 0.1 * mfu
# The seed note's log around its eval at 5000: the eval iteration and its neighbours.
SEED004 = dict(eval_ms=4446.83, typical_ms=33.0, mfu_before=11.09)

# The gpu profile trains on GPT-2 BPE FineWeb-Edu, streamed from Hugging Face (network + the hf extra).
data = (exp.data('fineweb-edu', max_tokens=50_000_000) if exp.profile == 'gpu'
        else exp.data('shakespeare_char'))
run = exp.train('eval_every_%d' % P['eval_interval'], data, **P['model'],
                gradient_accumulation_steps=1, max_iters=P['max_iters'], lr_decay_iters=P['max_iters'],
                eval_interval=P['eval_interval'], eval_iters=P['eval_iters'], log_interval=1,
                learning_rate=1e-3, min_lr=1e-4, warmup_iters=P['max_iters'] // 20)

# %% Per-iteration time; iteration 0 also carries the first eval and the warm-up.
its, dt = run.series('dt_ms', kind='iter')
evals = [s for s in (e['iter'] for e in run.evals) if s > 0]
typical = statistics.median(d for i, d in zip(its, dt) if i % P['eval_interval'] and i > 0)
on_eval = statistics.median(d for i, d in zip(its, dt) if i in evals)

# %% The printed MFU is an EMA; undo the recurrence to get each iteration's own MFU.
mfu_its, ema = run.series('mfu_device', kind='iter')
ema = [100 * m for m in ema]
raw = [ema[0]] + [(ema[k] - EMA * ema[k - 1]) / (1 - EMA) for k in range(1, len(ema))]
at = dict(zip(mfu_its, ema))
dips = [(at[s - 1], at[s]) for s in evals if s - 1 in at and s in at]
mfu_before, mfu_after = dips[0]
half_life = math.log(0.5) / math.log(EMA)       # logged iterations until half the dip is gone
recover90 = math.ceil(math.log(0.1) / math.log(EMA))

# %% The seed note: the eval iteration's MFU is ~ typical/eval of the steady one, and the EMA mixes a tenth in.
seed_eval_s = (SEED004['eval_ms'] - SEED004['typical_ms']) / 1000
seed_pred = EMA * SEED004['mfu_before'] + (1 - EMA) * SEED004['mfu_before'] * SEED004['typical_ms'] / SEED004['eval_ms']


def excerpt_lines():
    lines = run.log_text().splitlines()
    start = next(i for i, l in enumerate(lines) if l.startswith('tokens per iteration'))
    head = lines[start:next(i for i, l in enumerate(lines) if l.startswith('iter 6:')) + 1]
    s = evals[0]
    k = next(i for i, l in enumerate(lines) if l.startswith(f'step {s}:'))
    return lines[:1] + ['...'] + head + ['...'] + lines[k - 2:k + 4] + ['...']


@exp.render
def render(r):
    with r.figure('iter_time', main=True) as (fig, ax):
        ax.plot(its, dt, lw=0.8, label=r.t('reading_output.dt'))
        starts = {e['iter'] for e in run.evals}  # iteration 0 starts with an eval too
        ax.plot([i for i in its if i in starts], [d for i, d in zip(its, dt) if i in starts], 'o', color='C3', ms=4,
                label=r.t('reading_output.eval_iters_marker'))
        ax.set_yscale('log')
        ax.set_xlabel(r.t('iteration'))
        ax.set_ylabel(r.t('time_ms'))
        ax.set_title(r.t('reading_output.iter_time_title', n=r.int(P['eval_interval'])))
        ax.legend()

    with r.figure('mfu_ema') as (fig, ax):
        ax.plot(mfu_its, raw, lw=0.6, alpha=0.5, color='0.5', label=r.t('reading_output.mfu_raw'))
        ax.plot(mfu_its, ema, lw=1.4, color='C0', label=r.t('reading_output.mfu_printed'))
        for s in evals:
            ax.axvline(s, color='C3', lw=0.8, ls=':')
        ax.set_ylim(0, 1.3 * max(ema))
        ax.set_xlabel(r.t('iteration'))
        ax.set_ylabel(r.t('reading_output.mfu_axis'))
        ax.set_title(r.t('reading_output.mfu_title'))
        ax.legend(loc='lower right')

    notes = [r.t(f'reading_output.note_{k}', s=r.int(evals[0]), n=r.int(P['eval_iters']))
             for k in ('overriding', 'tokens', 'params', 'decay', 'fused', 'step0', 'iter0', 'sentinel', 'eval', 'dip')]
    text = '```text\n' + '\n'.join(excerpt_lines()) + '\n```\n\n' + '\n'.join(f'{i}. {n}' for i, n in enumerate(notes, 1))
    r.markdown('excerpt', text)

    v = r.value
    device = run.header.get('device_name') or run.header.get('device')
    v('device', device, f'`{device}`')
    v('dt_typical_ms', typical, r.num(typical, 1))
    v('dt_eval_ms', on_eval, r.num(on_eval, 0))
    v('eval_ratio', on_eval / typical, r.num(on_eval / typical, 0))
    v('eval_interval', P['eval_interval'], r.int(P['eval_interval']))
    v('eval_iters', P['eval_iters'], r.int(P['eval_iters']))
    v('mfu_before', mfu_before, r.pct(mfu_before, 2))
    v('mfu_after', mfu_after, r.pct(mfu_after, 2))
    v('mfu_dip', mfu_before - mfu_after, r.num(mfu_before - mfu_after, 2))
    v('ema_half_life', half_life, r.num(half_life, 1))
    v('ema_recover90', recover90, r.int(recover90))
    v('seed004_eval_s', seed_eval_s, r.num(seed_eval_s, 1))
    v('seed004_predicted', seed_pred, r.pct(seed_pred, 2))
