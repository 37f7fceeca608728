"""At fixed data and steps, how does the plateau depend on the model's width?

"The model is full" is a claim we can test: train the same depth at several
widths on the same data for the same number of steps. If capacity is what
limits the loss, the narrow models flatten early at a higher level, their train
and val losses flattening together with a small steady gap, while each wider
model lands lower. The final val loss against the parameter count (nanoGPT's
get_num_params) is the plateau level as a function of capacity.
"""
from trainer.gallery import Experiment

exp = Experiment(__file__)

# %% Profiles: the same depth and data, only n_embd changes (n_head divides it).
P = {
    'cpu': dict(widths=[32, 64, 128, 192], base=dict(n_layer=4, n_head=4, block_size=64, batch_size=16),
                max_iters=600, eval_interval=100, eval_iters=40),
    'smoke': dict(widths=[16, 32], base=dict(n_layer=1, n_head=2, block_size=32, batch_size=4),
                  max_iters=40, eval_interval=20, eval_iters=4),
    # the seeds' question at full size: 12/12/384 (40.56M) against 12/12/768 (123.59M), block 1024
    'gpu': dict(widths=[384, 576, 768], base=dict(n_layer=12, n_head=12, block_size=1024, batch_size=16),
                max_iters=5000, eval_interval=250, eval_iters=100),
}[exp.profile]

# The gpu profile trains on GPT-2 BPE FineWeb-Edu, streamed from Hugging Face (network + the hf extra).
data = (exp.data('fineweb-edu', max_tokens=200_000_000) if exp.profile == 'gpu'
        else exp.data('shakespeare_char'))
runs = {}
for C in P['widths']:
    runs[C] = exp.train(f'width_{C}', data, n_embd=C, **P['base'], gradient_accumulation_steps=1, dropout=0.0,
                        learning_rate=1e-3, min_lr=1e-4, max_iters=P['max_iters'], lr_decay_iters=P['max_iters'],
                        warmup_iters=P['max_iters'] // 20, eval_interval=P['eval_interval'],
                        eval_iters=P['eval_iters'], log_interval=10)


def final(run):
    """Last eval, and how much val improved over the last quarter of the steps."""
    steps, val = run.series('val_loss')
    _, train = run.series('train_loss')
    quarter = next(i for i, s in enumerate(steps) if s >= 0.75 * steps[-1])
    return dict(params=run.header['num_params'], val=val[-1], train=train[-1], gap=val[-1] - train[-1],
                last_quarter=val[quarter] - val[-1])


F = {C: final(run) for C, run in runs.items()}
small, large = F[P['widths'][0]], F[P['widths'][-1]]


@exp.render
def render(r):
    def name(C):
        return r.t('capacity.width', C=C, params=r.params(F[C]['params']))

    with r.figure('curves', main=True) as (fig, ax):
        for C, run in runs.items():
            ax.plot(*run.series('val_loss'), '-o', ms=2.5, label=name(C))
        ax.set_xlabel(r.t('iteration'))
        ax.set_ylabel(r.t('val_loss'))
        ax.set_title(r.t('capacity.curves_title', L=P['base']['n_layer']))
        ax.set_ylim(min(f['val'] for f in F.values()) - 0.1, small['val'] + 0.8)
        ax.legend()

    with r.figure('plateau_vs_params') as (fig, ax):
        xs = [F[C]['params'] / 1e6 for C in P['widths']]
        ax.plot(xs, [F[C]['val'] for C in P['widths']], '-o', label=r.t('val_loss'))
        ax.plot(xs, [F[C]['train'] for C in P['widths']], '--s', ms=4, label=r.t('capacity.train_step_line'))
        for C, x in zip(P['widths'], xs):
            ax.annotate(f'n_embd={C}', (x, F[C]['val']), xytext=(4, 4), textcoords='offset points')
        ax.set_xscale('log')
        ax.set_xlabel(r.t('params_millions'))
        ax.set_ylabel(r.t('capacity.final_loss'))
        ax.set_title(r.t('capacity.plateau_title', n=r.int(P['max_iters'])))
        ax.legend()

    rows = [[f'{P["base"]["n_layer"]}/{P["base"]["n_head"]}/{C}', r.params(F[C]['params']), r.num(F[C]['train'], 3),
             r.num(F[C]['val'], 3), r.num(F[C]['gap'], 3), r.num(F[C]['last_quarter'], 3)] for C in P['widths']]
    r.table('sweep', ['n_layer/n_head/n_embd', r.t('params'), r.t('capacity.col_train'), r.t('capacity.col_val'),
                      r.t('capacity.col_gap'), r.t('capacity.col_last_quarter')], rows, align='lrrrrr')

    v = r.value
    v('smallest_params', small['params'], r.params(small['params']))
    v('largest_params', large['params'], r.params(large['params']))
    v('val_smallest', small['val'], r.num(small['val'], 3))
    v('val_largest', large['val'], r.num(large['val'], 3))
