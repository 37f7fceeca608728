"""At an equal token budget, what is a near-duplicate copy of your data worth: a repeat, or new text?

Tokens seen is not information seen. Shakespeare's plays exist in two editions
in our corpus: modern spelling and the First Folio's, the same plays with
different orthography. With the same token budget, in a regime of several
epochs, we train one model on: N plays for E epochs; the same N plays plus
their Folio twins (about E/2 epochs of each text); 2N distinct plays (about
E/2 epochs); and, to measure the spelling shift alone, the N plays in Folio
spelling only for E epochs. Val is always the same held-out plays in modern
spelling (prepare --plays). Three seeds each. We also count what is new in
each training set: distinct character 8-grams, a crude but honest measure.
"""
import numpy as np

from trainer.gallery import Experiment
from trainer.gallery.claims import above, below, straddles_zero
from trainer.plots import mean_band

exp = Experiment(__file__)

P = exp.settings({
    'cpu': dict(plays=1, epochs=8, seeds=(1, 2, 3),
                run=dict(n_layer=4, n_head=4, n_embd=64, block_size=64, batch_size=16, gradient_accumulation_steps=1,
                         dropout=0.0, learning_rate=2e-3, min_lr=2e-4, eval_iters=20, log_interval=10)),
    'smoke': dict(plays=1, epochs=0.05, seeds=(1, 2),
                  run=dict(n_layer=1, n_head=2, n_embd=32, block_size=32, batch_size=4, gradient_accumulation_steps=1,
                           dropout=0.0, learning_rate=2e-3, min_lr=2e-4, eval_iters=2, log_interval=5)),
})
N, E, SEEDS = P['plays'], P['epochs'], P['seeds']
if N != 1:
    raise SystemExit("error: the labels say 'one play' (trainer/i18n/experiments/effective_diversity.py)")
GRAM = 8  # n-gram length in characters

# %% The four training sets; val is the same four held-out plays in modern spelling for all of them.
SETS = {
    'repeat': dict(plays=N, edition='modern'),     # N plays, E epochs
    'twins': dict(plays=N, edition='both'),        # the N plays and their Folio twins
    'distinct': dict(plays=2 * N, edition='modern'),  # 2N different plays
    'folio': dict(plays=N, edition='folio'),       # the N plays in Folio spelling only
}
data = {name: exp.data('shakespeare_char', **spec) for name, spec in SETS.items()}
tokens = {name: int(d.tokens(exp.layout).size) for name, d in data.items()}
TPI = P['run']['batch_size'] * P['run']['block_size']
ITERS = max(10, int(round(E * tokens['repeat'] / TPI)))  # the same token budget for every set
EVAL_INTERVAL = max(1, ITERS // 10)
groups = {name: exp.train(name, data[name], seeds=SEEDS, max_iters=ITERS, lr_decay_iters=ITERS,
                          warmup_iters=max(1, ITERS // 20), eval_interval=EVAL_INTERVAL, **P['run'])
          for name in SETS}


# %% Distinct 8-grams: each set's, and how many of them the repeated set does not have.
def grams(ids, n=GRAM):
    """The set of distinct n-grams, each packed into one uint64 (char ids < 256, so 8 fit)."""
    t = np.asarray(ids, dtype=np.uint64)
    packed = np.zeros(t.size - n + 1, dtype=np.uint64)
    for i in range(n):
        packed |= t[i:t.size - n + 1 + i] << np.uint64(8 * i)
    return np.unique(packed)


G = {name: grams(d.tokens(exp.layout)) for name, d in data.items()}
new_vs_repeat = {name: int(np.setdiff1d(G[name], G['repeat'], assume_unique=True).size) for name in SETS}

final = {name: g.per_seed(lambda run: run.val_loss[-1]) for name, g in groups.items()}
epochs = {name: float(g.first.epochs(ITERS)) for name, g in groups.items()}
# paired by seed, > 0 where the second set ends lower
distinct_gain = final['repeat'] - final['distinct']
twins_gain = final['repeat'] - final['twins']
folio_cost = final['folio'] - final['repeat']
spread = max(f.spread for f in final.values())

# Paired by seed (same init and batch order), each difference is tested for its sign on every seed; only
# the spelling shift is also larger than 3x the largest seed spread of a final val.
exp.claim('distinct_lower_every_seed', distinct_gain, above(0),
          'two different plays end lower than one play repeated for twice the epochs, for every seed')
exp.claim('distinct_gain_within_3x_spread', distinct_gain, below(3 * spread),
          'that lead stays under 3x the largest seed spread of a final val: suggestive at 3 seeds, not conclusive')
exp.claim('twins_no_difference', twins_gain, straddles_zero(),
          'one play plus its Folio twin against the play repeated: the seeds disagree on the sign, no difference shown')
exp.claim('distinct_beats_twins_every_seed', final['twins'] - final['distinct'], above(0),
          'two different plays end lower than one play plus its Folio twin, for every seed')
exp.claim('folio_spelling_costs', folio_cost, above(3 * spread),
          'training on the Folio spelling alone ends higher on modern-spelled val than the modern text, by more '
          'than 3x the largest seed spread')


@exp.render
def render(r):
    name = {n: r.t(f'effective_diversity.{n}') for n in SETS}

    with r.figure('curves', main=True) as (fig, ax):
        for n, g in groups.items():
            mean_band(ax, g.eval_steps[1:] * TPI / 1e6, g.stack('val_loss')[:, 1:], label=name[n])
        ax.set_xlabel(r.t('tokens_seen_millions'))
        ax.set_ylabel(r.t('effective_diversity.val_axis'))
        ax.set_title(r.t('effective_diversity.curves_title', n=len(SEEDS)))
        ax.legend()

    with r.figure('grams') as (fig, ax):
        x = np.arange(len(SETS))
        ax.bar(x - 0.2, [tokens[n] / 1e6 for n in SETS], 0.4, label=r.t('effective_diversity.tokens'))
        ax.bar(x + 0.2, [G[n].size / 1e6 for n in SETS], 0.4, label=r.t('effective_diversity.grams', n=GRAM))
        ax.set_xticks(x, [r.t(f'effective_diversity.short_{n}') for n in SETS])
        ax.set_ylabel(r.t('effective_diversity.millions'))
        ax.set_title(r.t('effective_diversity.grams_title'))
        ax.legend()

    rows = [[name[n], r.int(tokens[n]), r.int(G[n].size), r.int(new_vs_repeat[n]), r.num(epochs[n], 1),
             r.spread_text(final[n], 'num', 3)] for n in SETS]
    r.table('summary', [r.t('effective_diversity.col_set'), r.t('effective_diversity.tokens'),
                        r.t('effective_diversity.grams', n=GRAM), r.t('effective_diversity.col_new'),
                        r.t('epochs'), r.t('effective_diversity.col_val')], rows, align='lrrrrr',
            note=r.t('effective_diversity.note', tokens=r.int(ITERS * TPI)) + ' ' + r.t('seeds.note', n=len(SEEDS)))

    r.setting('plays', N)
    r.setting('epochs_repeat', epochs['repeat'], 'num', 1)
    r.setting('epochs_twins', epochs['twins'], 'num', 1)
    r.setting('epochs_distinct', epochs['distinct'], 'num', 1)
    r.setting('budget_tokens', ITERS * TPI)
    r.setting('twin_new_grams_pct', 100 * new_vs_repeat['twins'] / G['repeat'].size, 'pct', 0)
    r.setting('distinct_new_grams_pct', 100 * new_vs_repeat['distinct'] / G['repeat'].size, 'pct', 0)
    for n in SETS:
        r.value(f'val_{n}', final[n], 'num', 3)
    r.value('distinct_gain', distinct_gain, 'num', 3)
    r.value('twins_gain', twins_gain, 'num', 3, signed=True)
    r.value('folio_cost', folio_cost, 'num', 3)
    r.value('distinct_vs_twins', final['twins'] - final['distinct'], 'num', 3)
    r.value('final_spread', spread, 'num', 3)
