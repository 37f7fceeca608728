"""For a fixed compute budget, which model size gives the lowest loss, and on how many tokens per parameter?

Hoffmann et al. (2022, "Training Compute-Optimal Large Language Models",
the Chinchilla paper) fit that a compute budget C = 6·N·D is best spent on
about 20 training tokens per parameter. An IsoFLOP sweep asks the question at
our scale: three budgets, for each budget several model sizes, each trained on
exactly the tokens the budget buys it (D = C / FLOPs per token, nanoGPT's
6·N plus the attention term), never more than one epoch, three seeds. Which
size wins at each budget, and at how many tokens per parameter? Then the case
study's own compute: what model and data size would Chinchilla's ratio have
spent it on?
"""
import math

import numpy as np

from trainer import case_study, sizing
from trainer.gallery import Experiment
from trainer.gallery.claims import above, below, between, straddles_zero
from trainer.gallery.groups import PerSeed
from trainer.plots import mean_band

exp = Experiment(__file__)

CHINCHILLA = 20  # Hoffmann et al. 2022: ~20 training tokens per parameter at the compute optimum

# %% Two layers, two heads, widths 8 to 48 (2k to 60k parameters): at these budgets the best size is
# tiny, and a one-epoch run of the smallest model at the largest budget must fit the 4.55M training
# characters. One learning rate for every size (3e-3, cosine to a tenth, 5% warmup): a confound
# the table states. Eval only at the end, on 100 batches (one eval: cheap, and the noise of a single eval matters here).
P = exp.settings({
    'cpu': dict(budgets=(1e10, 3e10, 1e11), widths=(8, 12, 16, 24, 32, 48), seeds=(1, 2, 3),
                run=dict(n_layer=2, n_head=2, block_size=64, batch_size=8, gradient_accumulation_steps=1,
                         dropout=0.0, learning_rate=3e-3, eval_iters=100, log_interval=50)),
    'smoke': dict(budgets=(2e8, 6e8), widths=(8, 16), seeds=(1, 2),
                  run=dict(n_layer=1, n_head=2, block_size=32, batch_size=4, gradient_accumulation_steps=1,
                           dropout=0.0, learning_rate=3e-3, eval_iters=2, log_interval=10)),
})
R, SEEDS, BUDGETS, WIDTHS = P['run'], P['seeds'], P['budgets'], P['widths']
L, T, TPI = R['n_layer'], R['block_size'], R['batch_size'] * R['block_size']
data = exp.data('shakespeare_char')
TRAIN_TOKENS = int(data.tokens(exp.layout).size)
VOCAB = 84  # shakespeare_char's vocabulary, checked against the runs below


def flops_per_token(C):
    n = sizing.num_params(L, C, VOCAB, T)
    return sizing.flops_per_token(n, L, R['n_head'], C, T)


def iters_for(budget, C):
    iters = int(budget // (flops_per_token(C) * TPI))
    if iters * TPI > TRAIN_TOKENS:
        raise SystemExit(f'error: width {C} at {budget:.0e} FLOPs would repeat data ({iters * TPI:,} tokens)')
    return iters


groups = {(b, C): exp.train(f'c{b:.0e}_w{C}'.replace('+', ''), data, seeds=SEEDS, n_embd=C,
                            max_iters=iters_for(b, C), lr_decay_iters=iters_for(b, C),
                            warmup_iters=max(1, iters_for(b, C) // 20), min_lr=R['learning_rate'] / 10,
                            eval_interval=iters_for(b, C), **R)
          for b in BUDGETS for C in WIDTHS}
if any(g.header['model_args']['vocab_size'] != VOCAB for g in groups.values()):
    raise SystemExit('error: the FLOPs per token above assume a vocabulary of 84')

final = {key: g.per_seed(lambda run: run.val_loss[-1]) for key, g in groups.items()}
params = {C: groups[(BUDGETS[0], C)].first.num_params for C in WIDTHS}
tokens = {(b, C): iters_for(b, C) * TPI for b in BUDGETS for C in WIDTHS}
best = {b: min(WIDTHS, key=lambda C: final[(b, C)].value) for b in BUDGETS}
best_tpp = {b: tokens[(b, best[b])] / params[best[b]] for b in BUDGETS}


def margin(b):
    """Per seed: how far the best size's neighbours end above it (the smaller of the two margins)."""
    i = WIDTHS.index(best[b])
    neighbours = [final[(b, WIDTHS[j])] for j in (i - 1, i + 1) if 0 <= j < len(WIDTHS)]
    return PerSeed(SEEDS, np.min([(n - final[(b, best[b])]).values for n in neighbours], axis=0))


def tag(b):
    return f'{b:.0e}'.replace('+', '')


# %% Claims. At every budget the largest size, trained on too few tokens, loses on every seed, and the best size
# trains on far more than 20 tokens per parameter. Where the minimum sits is less sure: at the smallest
# budget it is the smallest size tried; at the middle one it beats both neighbours on every seed, by
# little; at the largest the seeds disagree between the best and its nearest rival.
for b in BUDGETS:
    exp.claim(f'largest_loses_{tag(b)}', final[(b, WIDTHS[-1])] - final[(b, best[b])], above(0),
              f'at {b:.0e} FLOPs the largest size, on the fewest tokens, ends above the best one on every seed')
    exp.claim(f'best_tpp_above_chinchilla_{tag(b)}', best_tpp[b], above(CHINCHILLA),
              f'at {b:.0e} FLOPs the loss-minimizing size trains on more than {CHINCHILLA} tokens per parameter')
first, *middle_and_last = BUDGETS
exp.claim(f'best_is_smallest_{tag(first)}', WIDTHS.index(best[first]), below(0.5),
          f'at {first:.0e} FLOPs the smallest size tried ends lowest (the optimum may be smaller still)')
if len(BUDGETS) == 3:
    mid, last = middle_and_last
    exp.claim(f'interior_optimum_{tag(mid)}', WIDTHS.index(best[mid]), between(0, len(WIDTHS) - 1),
              f'at {mid:.0e} FLOPs the loss-minimizing width ({best[mid]}) is neither the smallest nor the largest')
    exp.claim(f'optimum_beats_neighbours_{tag(mid)}', margin(mid), above(0),
              f'at {mid:.0e} FLOPs width {best[mid]} ends lower than the sizes next to it, for every seed')
    exp.claim(f'no_clear_winner_{tag(last)}', margin(last), straddles_zero(),
              f'at {last:.0e} FLOPs the seeds disagree on whether width {best[last]} beats its nearest rival')
exp.claim('optimum_grows_with_budget', params[best[BUDGETS[-1]]] / params[best[BUDGETS[0]]], above(1),
          'the loss-minimizing size at the largest budget is larger than at the smallest')

# %% The case study's compute, C = 6·N·D, and what Chinchilla's ~20 tokens per parameter would spend it on:
# N = sqrt(C / (6·20)), D = 20·N (Hoffmann et al. 2022, the approach-3-style rule of thumb).
cfg = case_study.train_config()
N_CASE = sizing.num_params(cfg.n_layer, cfg.n_embd, case_study.ASSUMED['vocab_size'][0], cfg.block_size)
D_CASE = 14_500 * case_study.TOKENS_PER_ITER_STATED
C_CASE = 6 * N_CASE * D_CASE
N_OPT = math.sqrt(C_CASE / (6 * CHINCHILLA))
D_OPT = CHINCHILLA * N_OPT


@exp.render
def render(r):
    with r.figure('isoflop', main=True) as (fig, ax):
        xs = np.array([params[C] for C in WIDTHS]) / 1e3
        for b in BUDGETS:
            ys = np.array([final[(b, C)].values for C in WIDTHS])
            line = mean_band(ax, xs, ys.T, label=r.t('compute_optimal.budget', c=r.sci(b, 0)), marker='o', ms=3)
            ax.plot([params[best[b]] / 1e3], [final[(b, best[b])].value], '*', ms=11, color=line.get_color())
        ax.set_xscale('log')
        ax.set_xlabel(r.t('compute_optimal.params_k'))
        ax.set_ylabel(r.t('val_loss'))
        ax.set_title(r.t('compute_optimal.fig_title', n=len(SEEDS)))
        ax.legend()

    rows = []
    for b in BUDGETS:
        for C in WIDTHS:
            mark = ' ★' if C == best[b] else ''
            rows.append([r.sci(b, 0), f'{L}/{R["n_head"]}/{C}', r.int(params[C]), r.int(tokens[(b, C)]),
                         r.num(tokens[(b, C)] / params[C], 1), r.spread_text(final[(b, C)], 'num', 3) + mark])
    r.table('sweep', [r.t('compute_optimal.col_budget'), 'n_layer/n_head/n_embd', r.t('params'),
                      r.t('compute_optimal.col_tokens'), r.t('tokens_per_param'), r.t('compute_optimal.col_val')],
            rows, align='lrrrrr', note=r.t('compute_optimal.note', lr=r.sci(R['learning_rate'], 0))
            + ' ' + r.t('seeds.note', n=len(SEEDS)))

    for b in BUDGETS:
        key = tag(b)
        r.value(f'best_params_{key}', params[best[b]], 'int')
        r.value(f'best_tpp_{key}', best_tpp[b], 'num', 0)
        r.value(f'best_val_{key}', final[(b, best[b])], 'num', 3)
        r.value(f'best_margin_{key}', margin(b), 'num', 3)
        r.value(f'largest_gap_{key}', final[(b, WIDTHS[-1])] - final[(b, best[b])], 'num', 3)
    r.value('best_tpp_min', min(best_tpp.values()), 'num', 0)
    r.value('best_tpp_max', max(best_tpp.values()), 'num', 0)
    r.setting('chinchilla', CHINCHILLA)
    r.setting('case_params', N_CASE, 'params')
    r.setting('case_tokens', D_CASE, 'count', sig=3)
    r.setting('case_compute', C_CASE, 'sci', 2)
    r.setting('case_opt_params', N_OPT, 'params', 0)
    r.setting('case_opt_tokens', D_OPT, 'count', sig=2)
    r.setting('case_tpp', D_CASE / N_CASE, 'num', 0)
