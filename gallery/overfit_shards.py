"""What do many epochs over one shard do, compared with the same steps over all the data?

The seeds blame their plateau on training "two or three times over the same
parquet file". Repetition can cause overfitting, but it has a signature. Here we
split the Shakespeare training text into shards and train the same model, with
the same schedule and the same number of steps, twice: on the first shard only
(many epochs) and on all shards (a fraction of one). Does the single-shard
val loss turn up while its train loss keeps falling? And does the analyzer,
given only the single-shard run's console log, find the turn by itself?
"""
from trainer.analyze import analyze
from trainer.analyze.report import evidence_table
from trainer.gallery import Experiment

exp = Experiment(__file__)

# %% Profiles. The model is deliberately large for one shard (and dropout is off),
# so that memorizing the shard pays off within a couple of minutes on a CPU.
P = {
    'cpu': dict(num_shards=256, model=dict(n_layer=4, n_head=4, n_embd=128, block_size=64, batch_size=16),
                max_iters=1200, eval_interval=100, eval_iters=40),
    'smoke': dict(num_shards=64, model=dict(n_layer=1, n_head=2, n_embd=32, block_size=32, batch_size=4),
                  max_iters=60, eval_interval=20, eval_iters=4),
    'gpu': dict(num_shards=64, model=dict(n_layer=6, n_head=6, n_embd=384, block_size=256, batch_size=64),
                max_iters=5000, eval_interval=250, eval_iters=100),
}[exp.profile]

common = dict(**P['model'], gradient_accumulation_steps=1, dropout=0.0, learning_rate=1e-3, min_lr=1e-4,
              max_iters=P['max_iters'], lr_decay_iters=P['max_iters'], warmup_iters=P['max_iters'] // 20,
              eval_interval=P['eval_interval'], eval_iters=P['eval_iters'], log_interval=10)

# The gpu profile trains on GPT-2 BPE FineWeb-Edu, streamed from Hugging Face (network + the hf extra).
corpus, extra = (('fineweb-edu', dict(max_tokens=640_000_000)) if exp.profile == 'gpu'
                 else ('shakespeare_char', {}))
one = exp.train('one_shard', exp.data(corpus, shards=1, num_shards=P['num_shards'], **extra), **common)
every = exp.train('all_shards', exp.data(corpus, **extra), **common)

# %% The analyzer reads the single-shard run's console log, as a reader would read theirs.
(diagnosis,) = analyze(one.log_path, data_tokens=one.header['train_tokens']).runs


def summary(run):
    steps, val = run.series('val_loss')
    _, train = run.series('train_loss')
    b = min(range(len(val)), key=val.__getitem__)
    last = run.evals[-1]
    return dict(train_tokens=run.header['train_tokens'], epochs=last['epoch'], best_step=steps[b], best_val=val[b],
                epochs_at_best=run.evals[b]['epoch'], last_val=val[-1], last_train=train[-1],
                rise=val[-1] - val[b], gap=val[-1] - train[-1])


S = {'one': summary(one), 'all': summary(every)}


@exp.render
def render(r):
    names = {'one': r.t('overfit_shards.one', n=P['num_shards']), 'all': r.t('overfit_shards.all')}
    with r.figure('curves', main=True) as (fig, ax):
        for key, run, color in (('one', one, 'C3'), ('all', every, 'C0')):
            ax.plot(*run.series('val_loss'), '-', color=color, label=f"{names[key]} · {r.t('val_loss')}")
            ax.plot(*run.series('train_loss'), '--', color=color, label=f"{names[key]} · {r.t('train_loss')}")
        b = S['one']
        ax.plot([b['best_step']], [b['best_val']], 'o', color='C3', ms=5)
        ax.annotate(r.t('overfit_shards.best', it=r.int(b['best_step'])), (b['best_step'], b['best_val']),
                    xytext=(0, 6), textcoords='offset points', ha='center', va='bottom', color='C3')  # above: empty
        ax.set_xlabel(r.t('iteration'))
        ax.set_ylabel(r.t('loss'))
        ax.set_title(r.t('overfit_shards.curves_title'))
        lo = min(min(run.series(f)[1]) for run in (one, every) for f in ('val_loss', 'train_loss'))
        ax.set_ylim(lo - 0.05, max(S['one']['last_val'], S['all']['best_val']) + 0.6)
        ax.legend()

    rows = [[names[k], r.int(S[k]['train_tokens']), r.num(S[k]['epochs'], 1), r.int(S[k]['best_step']),
             r.num(S[k]['best_val'], 3), r.num(S[k]['last_val'], 3), r.num(S[k]['last_train'], 3),
             r.num(S[k]['gap'], 3)] for k in ('one', 'all')]
    r.table('summary', [r.t('overfit_shards.col_data'), r.t('overfit_shards.col_tokens'), r.t('epochs'),
                        r.t('overfit_shards.col_best_step'), r.t('overfit_shards.col_best_val'),
                        r.t('overfit_shards.col_last_val'), r.t('overfit_shards.col_last_train'),
                        r.t('overfit_shards.col_gap')], rows, align='lrrrrrrr')
    r.markdown('evidence', '\n'.join(evidence_table(diagnosis, r.lang, heading=False)))

    v = r.value
    v('n_shards', P['num_shards'], r.int(P['num_shards']))
    v('max_iters', P['max_iters'], r.int(P['max_iters']))
    for k in ('one', 'all'):
        v(f'tokens_{k}', S[k]['train_tokens'], r.int(S[k]['train_tokens']))
        v(f'epochs_{k}', S[k]['epochs'], r.num(S[k]['epochs'], 1 if S[k]['epochs'] >= 1 else 2))
        v(f'gap_{k}', S[k]['gap'], r.num(S[k]['gap'], 3))
    v('best_step_one', S['one']['best_step'], r.int(S['one']['best_step']))
    v('epochs_at_best_one', S['one']['epochs_at_best'], r.num(S['one']['epochs_at_best'], 1))
    v('rise_one', S['one']['rise'], r.num(S['one']['rise'], 3))
