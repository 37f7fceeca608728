"""What do the seeds' settings add up to? Tokens, parameters, learning rate and FLOPs, computed.

The seeds describe one run: nanoGPT with 12 layers, 12 heads, n_embd 384,
blocks of 1024 tokens, batch 16 with 32 accumulation steps, learning rate 1e-3
decaying to 1e-4 over 20,000 iterations, pasted at iteration 14,500. Every
number the notes work out by hand is computed here instead: the tokens per
iteration and tokens seen, the parameter count of the real model (and of the
n_embd 768 model it was mistaken for), the learning rate at 14,000 with
nanoGPT's default warmup of 2000 iterations and without, the FLOPs per token
that nanoGPT's MFU uses, and tokens per parameter against Chinchilla's 20.
No training: the parameter counts come from building the model (on PyTorch's
meta device, so no memory is allocated) and the rest from trainer.sizing.
"""
import math

import torch

from trainer import sizing
from trainer.analyze.synthetic import seeds_train_config
from trainer.gallery import Experiment
from trainer.model import GPT, GPTConfig

exp = Experiment(__file__)

# %% The seeds' config file, parsed like any nanoGPT config; what it leaves out takes
# nanoGPT's defaults (warmup_iters 2000, bias False, grad_clip 1.0).
cfg = seeds_train_config()
VOCAB = 50304  # no meta.pkl for a GPT-2 BPE dataset: nanoGPT's scratch default, 50257 padded to 64
CHINCHILLA = 20  # Hoffmann et al. 2022: ~20 training tokens per parameter is compute-optimal
PASTED_AT = 14_500  # the iteration the seeds' log was pasted at
ASKED_AT = 14_000  # the iteration the seeds quote a learning rate for

tokens_per_iter = sizing.tokens_per_iter(cfg.gradient_accumulation_steps, 1, cfg.batch_size, cfg.block_size)


# %% Parameters, counted on the real model. get_num_params() leaves out the position
# embedding wpe and counts the token embedding once (it is tied to lm_head).
def build(n_embd, vocab_size=VOCAB, bias=cfg.bias):
    with torch.device('meta'):
        return GPT(GPTConfig(n_layer=cfg.n_layer, n_head=cfg.n_head, n_embd=n_embd, block_size=cfg.block_size,
                             vocab_size=vocab_size, bias=bias), log=None)


def breakdown(n_embd):
    """The parameter arithmetic by hand, checked against the model object."""
    C, L, T = n_embd, cfg.n_layer, cfg.block_size
    per_layer = 12 * C * C + 2 * C  # attention 4C², MLP 8C², two LayerNorm weights (no biases)
    parts = {'wte': VOCAB * C, 'per_layer': per_layer, 'blocks': L * per_layer, 'ln_f': C, 'wpe': T * C}
    model = build(n_embd)
    parts['total'] = model.get_num_params()
    assert parts['total'] == parts['wte'] + parts['blocks'] + parts['ln_f'], parts
    assert parts['total'] + parts['wpe'] == model.get_num_params(non_embedding=False)
    assert parts['total'] == sizing.num_params(L, C, VOCAB, T, bias=cfg.bias)
    parts['flops_6n'] = 6 * parts['total']
    parts['flops_attn'] = 12 * L * cfg.n_head * (C // cfg.n_head) * T
    parts['flops_per_token'] = sizing.flops_per_token(parts['total'], L, cfg.n_head, C, T)
    assert parts['flops_per_token'] == parts['flops_6n'] + parts['flops_attn']
    parts['chinchilla_tokens'] = CHINCHILLA * parts['total']
    return parts


small, large = breakdown(cfg.n_embd), breakdown(2 * cfg.n_embd)
# what `from_pretrained('gpt2')` prints: GPT-2's own vocab 50257 and biases
gpt2_hf = build(768, vocab_size=50257, bias=True)
params_gpt2_hf, params_gpt2_full = gpt2_hf.get_num_params(), gpt2_hf.get_num_params(non_embedding=False)


# %% Learning rate: nanoGPT's get_lr with the seeds' schedule, with the default warmup and without.
def lr_at(it, warmup):
    return sizing.get_lr(it, cfg.learning_rate, warmup, cfg.lr_decay_iters, cfg.min_lr, cfg.decay_lr)


LR_ITERS = [0, 2000, 5000, 10000, 13500, 14000, 14500, 17000, 20000]
lr_table = [(it, lr_at(it, cfg.warmup_iters), lr_at(it, 0)) for it in LR_ITERS]

tokens_seen = {it: it * tokens_per_iter for it in (ASKED_AT, PASTED_AT)}
tokens_per_param = tokens_seen[PASTED_AT] / small['total']


@exp.render
def render(r):
    # %% How far past Chinchilla the run is, iteration by iteration, for both widths.
    with r.figure('tokens_per_param') as (fig, ax):
        iters = list(range(0, cfg.max_iters + 1, 250))
        for parts, width in ((small, cfg.n_embd), (large, 2 * cfg.n_embd)):
            (line,) = ax.plot(iters, [it * tokens_per_iter / parts['total'] for it in iters],
                              label=r.t('seeds_arithmetic.model', C=width, params=r.params(parts['total'])))
            at = tokens_seen[PASTED_AT] / parts['total']
            ax.plot([PASTED_AT], [at], 'o', color=line.get_color(), markersize=4)
            ax.annotate(r.num(at, 1), (PASTED_AT, at), xytext=(5, -4), textcoords='offset points', ha='left',
                        va='top', color=line.get_color())
        # named in the legend: any label along the line would cross a curve or the dotted marker
        ax.axhline(CHINCHILLA, color='0.3', linestyle='--', linewidth=1,
                   label=r.t('seeds_arithmetic.chinchilla_line', n=CHINCHILLA))
        ax.axvline(PASTED_AT, color='0.5', linestyle=':', linewidth=1,
                   label=r.t('seeds_arithmetic.pasted_at', it=r.int(PASTED_AT)))
        ax.set_xlabel(r.t('iteration'))
        ax.set_ylabel(r.t('tokens_per_param'))
        ax.set_title(r.t('seeds_arithmetic.tpp_title', tpi=r.int(tokens_per_iter)))
        ax.set_xlim(0, cfg.max_iters)
        ax.set_ylim(0, None)
        ax.legend(loc='upper left')

    # %% The exact parameter arithmetic, next to what the model object reports.
    def both(key, fmt=r.int):
        return [fmt(small[key]), fmt(large[key])]

    rows = [
        [r.t('seeds_arithmetic.row_wte'), 'V·C', *both('wte')],
        [r.t('seeds_arithmetic.row_block'), '12·C² + 2·C', *both('per_layer')],
        [r.t('seeds_arithmetic.row_blocks', L=cfg.n_layer), f'{cfg.n_layer}·(12·C² + 2·C)', *both('blocks')],
        [r.t('seeds_arithmetic.row_ln_f'), 'C', *both('ln_f')],
        [r.t('seeds_arithmetic.row_total'), 'V·C + L·(12·C² + 2·C) + C', *both('total')],
        [r.t('seeds_arithmetic.row_printed'), '', *both('total', lambda n: f'`number of parameters: {n / 1e6:.2f}M`')],
        [r.t('seeds_arithmetic.row_wpe'), 'T·C', *both('wpe')],
        [r.t('seeds_arithmetic.row_flops'), '6·N + 12·L·H·Q·T', *both('flops_per_token')],
        [r.t('seeds_arithmetic.row_chinchilla'), '20·N', *both('chinchilla_tokens', lambda n: r.count(n, sig=3))],
    ]
    r.table('params', [r.t('seeds_arithmetic.col_term'), r.t('seeds_arithmetic.col_formula'),
                       f'{cfg.n_layer}/{cfg.n_head}/{cfg.n_embd}', f'{cfg.n_layer}/{cfg.n_head}/{2 * cfg.n_embd}'],
            rows, align='llrr')

    r.table('lr', [r.t('iteration'), r.t('seeds_arithmetic.col_lr_warmup', n=r.int(cfg.warmup_iters)),
                   r.t('seeds_arithmetic.col_lr_nowarmup')],
            [[it, r.sci(a, 2), r.sci(b, 2)] for it, a, b in lr_table], align='rrr')

    # %% Every number the pages quote.
    v = r.value
    v('tokens_per_iter', tokens_per_iter, r.int(tokens_per_iter))
    v('tokens_seen_14000', tokens_seen[ASKED_AT], r.count(tokens_seen[ASKED_AT], 1))
    v('tokens_seen_14500', tokens_seen[PASTED_AT], r.count(tokens_seen[PASTED_AT], 1))
    v('tokens_seen_14500_exact', tokens_seen[PASTED_AT], r.int(tokens_seen[PASTED_AT]))
    for parts, C in ((small, 384), (large, 768)):
        v(f'params_{C}', parts['total'], r.params(parts['total']))
        v(f'params_{C}_exact', parts['total'], r.int(parts['total']))
        v(f'per_layer_{C}', parts['per_layer'], r.int(parts['per_layer']))
        v(f'blocks_{C}', parts['blocks'], r.int(parts['blocks']))
        v(f'wte_{C}', parts['wte'], r.int(parts['wte']))
        v(f'embed_share_{C}', 100 * parts['wte'] / parts['total'], r.pct(100 * parts['wte'] / parts['total'], 1))
        v(f'chinchilla_tokens_{C}', parts['chinchilla_tokens'], r.count(parts['chinchilla_tokens'], sig=3))
    v('wpe_384', small['wpe'], r.int(small['wpe']))
    v('params_ratio', large['total'] / small['total'], r.num(large['total'] / small['total'], 2))
    v('blocks_ratio', large['blocks'] / small['blocks'], r.num(large['blocks'] / small['blocks'], 2))
    v('wte_ratio', large['wte'] / small['wte'], r.num(large['wte'] / small['wte'], 2))
    v('params_gpt2_hf', params_gpt2_hf, r.params(params_gpt2_hf))
    v('params_gpt2_full', params_gpt2_full, r.int(params_gpt2_full))
    lr_warm, lr_cold = lr_at(ASKED_AT, cfg.warmup_iters), lr_at(ASKED_AT, 0)
    v('lr_14000_warmup', lr_warm, r.sci(lr_warm, 2))
    v('lr_14000_nowarmup', lr_cold, r.sci(lr_cold, 2))
    v('lr_14500_warmup', lr_at(PASTED_AT, cfg.warmup_iters), r.sci(lr_at(PASTED_AT, cfg.warmup_iters), 2))
    v('lr_14000_pct_of_peak', 100 * lr_warm / cfg.learning_rate, r.pct(100 * lr_warm / cfg.learning_rate, 1))
    v('progress_14500', 100 * PASTED_AT / cfg.max_iters, r.pct(100 * PASTED_AT / cfg.max_iters, 1))
    v('flops_per_token_384', small['flops_per_token'], r.int(small['flops_per_token']))
    v('flops_6n_384', small['flops_6n'], r.int(small['flops_6n']))
    v('flops_attn_384', small['flops_attn'], r.int(small['flops_attn']))
    share = 100 * small['flops_attn'] / small['flops_per_token']
    v('attn_share_384', share, r.pct(share, 1))
    flops_iter = small['flops_per_token'] * tokens_per_iter
    v('flops_per_iter_384', flops_iter, r.sci(flops_iter, 2))
    understate = 100 * (1 - small['flops_6n'] / small['flops_per_token'])
    v('mfu_6n_understates', understate, r.pct(understate, 1))
    chinchilla_iters = round(small['chinchilla_tokens'] / tokens_per_iter)
    v('chinchilla_iters_384', chinchilla_iters, r.int(chinchilla_iters))
    v('tokens_per_param_14500', tokens_per_param, r.num(tokens_per_param, 1))
    v('chinchilla_multiple_14500', tokens_per_param / CHINCHILLA, r.num(tokens_per_param / CHINCHILLA, 1))
    tokens_all = cfg.max_iters * tokens_per_iter
    v('tokens_20000', tokens_all, r.count(tokens_all, 1))
    # the loss of a uniform guess, where step 0 starts: GPT-2's padded vocab and shakespeare_char's 65 characters
    v('ln_vocab', math.log(VOCAB), r.num(math.log(VOCAB), 2))
    v('ln_vocab_char', math.log(65), r.num(math.log(65), 2))
    tpp_768 = tokens_seen[PASTED_AT] / large['total']
    v('tokens_per_param_768_14500', tpp_768, r.num(tpp_768, 1))
