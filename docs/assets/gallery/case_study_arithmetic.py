"""What do the case study's settings add up to? Tokens, parameters, learning rate, FLOPs and epochs, computed.

The notes describe one run: nanoGPT with 12 layers, 12 heads, n_embd 384,
blocks of 1024 tokens, batch 16 with 32 accumulation steps, learning rate
1e-3 decaying to 1e-4 over 20,000 iterations, pasted at iteration 14,500.
Every number the notes work out by hand is computed here instead: the tokens
per iteration and tokens seen, the parameter count of the real model (and of
the n_embd 768 model it was mistaken for, and of the variants the printed
40.56M rules out), the learning rate at 14,000 with nanoGPT's default warmup
of 2000 iterations and without, the FLOPs per token nanoGPT's MFU uses (and
what causal attention really costs), tokens per parameter against
Chinchilla's 20, and the epochs for a range of train.bin sizes. No training:
the parameter counts come from building the model (on PyTorch's meta device,
so no memory is allocated) and the rest from trainer.sizing.
"""
import math

import torch

from trainer import case_study as cs, sizing
from trainer.gallery import Experiment
from trainer.model import GPT, GPTConfig

exp = Experiment(__file__)

cfg = cs.train_config()  # the stated settings, the assumed ones (case_study.ASSUMED), nanoGPT's defaults
VOCAB = cfg.vocab_size
CHINCHILLA = 20  # Hoffmann et al. 2022: ~20 training tokens per parameter is compute-optimal
PASTED_AT, ASKED_AT = 14_500, 14_000  # the iteration the log was pasted at; the one the notes quote an LR for
TRAIN_BIN_GB = (1, 2, 4, 8, 16, 32)    # sizes of train.bin to read epochs off (assumed: the file is unknown)

tokens_per_iter = sizing.tokens_per_iter(cfg.gradient_accumulation_steps, 1, cfg.batch_size, cfg.block_size)
if tokens_per_iter != cs.TOKENS_PER_ITER_STATED:
    raise SystemExit('error: the stated settings do not give the stated tokens per iteration')


# %% Parameters, counted on the real model. get_num_params() leaves out the position embedding
# wpe and counts the token embedding once (it is tied to lm_head).
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
    if parts['total'] != parts['wte'] + parts['blocks'] + parts['ln_f'] \
            or parts['total'] + parts['wpe'] != model.get_num_params(non_embedding=False) \
            or parts['total'] != sizing.num_params(L, C, VOCAB, T, bias=cfg.bias):
        raise SystemExit(f'error: the parameter arithmetic disagrees with the model at n_embd {C}')
    parts['flops_6n'] = 6 * parts['total']
    parts['flops_attn'] = 12 * L * cfg.n_head * (C // cfg.n_head) * T
    parts['flops_per_token'] = sizing.flops_per_token(parts['total'], L, cfg.n_head, C, T)
    parts['chinchilla_tokens'] = CHINCHILLA * parts['total']
    return parts


small, large = breakdown(cfg.n_embd), breakdown(2 * cfg.n_embd)
gpt2_hf = build(768, vocab_size=50257, bias=True)  # what from_pretrained('gpt2') prints
params_gpt2_hf, params_gpt2_full = gpt2_hf.get_num_params(), gpt2_hf.get_num_params(non_embedding=False)
# The printed 40.56M decides bias and vocabulary: only one of the four combinations prints it.
VARIANTS = [(bias, vocab, build(cfg.n_embd, vocab, bias).get_num_params()) for bias in (False, True)
            for vocab in (50304, 50257)]
matching = [(b, v) for b, v, n in VARIANTS if f'{n / 1e6:.2f}M' == cs.PARAMS_PRINTED]
if matching != [(False, 50304)]:
    raise SystemExit(f'error: the printed {cs.PARAMS_PRINTED} no longer singles out bias=False, vocab 50304')


def lr_at(it, warmup):
    return sizing.get_lr(it, cfg.learning_rate, warmup, cfg.lr_decay_iters, cfg.min_lr, cfg.decay_lr)


LR_ITERS = [0, 2000, 5000, 10000, 13500, 14000, 14500, 17000, 20000]
tokens_seen = {it: it * tokens_per_iter for it in (ASKED_AT, PASTED_AT)}
tokens_per_param = tokens_seen[PASTED_AT] / small['total']


def tokens_per_param_figure(r):
    """How far past Chinchilla the run is, iteration by iteration, for both widths."""
    with r.figure('tokens_per_param') as (fig, ax):
        iters = list(range(0, cfg.max_iters + 1, 250))
        for parts, width in ((small, cfg.n_embd), (large, 2 * cfg.n_embd)):
            (line,) = ax.plot(iters, [it * tokens_per_iter / parts['total'] for it in iters],
                              label=r.t('case_study_arithmetic.model', C=width, params=r.params(parts['total'])))
            at = tokens_seen[PASTED_AT] / parts['total']
            ax.plot([PASTED_AT], [at], 'o', color=line.get_color(), markersize=4)
            ax.annotate(r.num(at, 1), (PASTED_AT, at), xytext=(5, -4), textcoords='offset points', ha='left',
                        va='top', color=line.get_color())
        # named in the legend: any label along the line would cross a curve or the dotted marker
        ax.axhline(CHINCHILLA, color='0.3', linestyle='--', linewidth=1,
                   label=r.t('case_study_arithmetic.chinchilla_line', n=CHINCHILLA))
        ax.axvline(PASTED_AT, color='0.5', linestyle=':', linewidth=1,
                   label=r.t('case_study_arithmetic.pasted_at', it=r.int(PASTED_AT)))
        ax.set_xlabel(r.t('iteration'))
        ax.set_ylabel(r.t('tokens_per_param'))
        ax.set_title(r.t('case_study_arithmetic.tpp_title', tpi=r.int(tokens_per_iter)))
        ax.set_xlim(0, cfg.max_iters)
        ax.set_ylim(0, None)
        ax.legend(loc='upper left')


def lr_figure(r):
    """The case study's schedule with the default warmup and without; the notes' 2.5e-4 dashed."""
    iters = list(range(0, cfg.max_iters + 1, 50))
    with r.figure('lr') as (fig, ax):
        for warmup in (cfg.warmup_iters, 0):
            curve = (r.t('case_study_arithmetic.warmup', n=r.int(warmup)) if warmup
                     else r.t('case_study_arithmetic.nowarmup'))
            at = lr_at(ASKED_AT, warmup)
            label = r.t('case_study_arithmetic.lr_at', curve=curve, lr=r.sci(at, 2), it=r.int(ASKED_AT))
            (line,) = ax.plot(iters, [lr_at(it, warmup) for it in iters], label=label)
            ax.plot([ASKED_AT], [at], 'o', color=line.get_color(), markersize=5)
        ax.axhline(cs.CLAIMED_LR_14000, color='0.3', linestyle='--', linewidth=1,
                   label=r.t('case_study_arithmetic.claimed', lr=r.sci(cs.CLAIMED_LR_14000, 1)))
        ax.axvline(ASKED_AT, color='0.5', linestyle=':', linewidth=1)
        ax.set_xlabel(r.t('iteration'))
        ax.set_ylabel(r.t('learning_rate'))
        ax.set_title(r.t('case_study_arithmetic.lr_title', peak=r.sci(cfg.learning_rate, 0), min=r.sci(cfg.min_lr, 0),
                         iters=r.int(cfg.lr_decay_iters)))
        ax.set_xlim(0, cfg.max_iters)
        ax.set_ylim(0, None)
        ax.legend(loc='upper right')


def params_table(r):
    """The exact parameter arithmetic, next to what the model object reports."""
    def both(key, fmt=r.int):
        return [fmt(small[key]), fmt(large[key])]

    t = 'case_study_arithmetic.'
    rows = [
        [r.t(t + 'row_wte'), 'V·C', *both('wte')],
        [r.t(t + 'row_block'), '12·C² + 2·C', *both('per_layer')],
        [r.t(t + 'row_blocks', L=cfg.n_layer), f'{cfg.n_layer}·(12·C² + 2·C)', *both('blocks')],
        [r.t(t + 'row_ln_f'), 'C', *both('ln_f')],
        [r.t(t + 'row_total'), 'V·C + L·(12·C² + 2·C) + C', *both('total')],
        [r.t(t + 'row_printed'), '', *both('total', lambda n: f'`number of parameters: {n / 1e6:.2f}M`')],
        [r.t(t + 'row_wpe'), 'T·C', *both('wpe')],
        [r.t(t + 'row_flops'), '6·N + 12·L·H·Q·T', *both('flops_per_token')],
        [r.t(t + 'row_chinchilla'), '20·N', *both('chinchilla_tokens', lambda n: r.count(n, sig=3))],
    ]
    r.table('params', [r.t(t + 'col_term'), r.t(t + 'col_formula'), f'{cfg.n_layer}/{cfg.n_head}/{cfg.n_embd}',
                       f'{cfg.n_layer}/{cfg.n_head}/{2 * cfg.n_embd}'], rows, align='llrr')


def values(r):
    """Every number the pages quote."""
    s = r.setting
    s('tokens_per_iter', tokens_per_iter)
    s('tokens_seen_14000', tokens_seen[ASKED_AT], 'count', 1)
    s('tokens_seen_14500', tokens_seen[PASTED_AT], 'count', 1)
    s('tokens_seen_14500_exact', tokens_seen[PASTED_AT])
    for parts, C in ((small, 384), (large, 768)):
        s(f'params_{C}', parts['total'], 'params')
        s(f'params_{C}_exact', parts['total'])
        s(f'per_layer_{C}', parts['per_layer'])
        s(f'blocks_{C}', parts['blocks'])
        s(f'wte_{C}', parts['wte'])
        s(f'embed_share_{C}', 100 * parts['wte'] / parts['total'], 'pct', 1)
        s(f'chinchilla_tokens_{C}', parts['chinchilla_tokens'], 'count', sig=3)
        s(f'flops_per_token_{C}', parts['flops_per_token'])
    s('wpe_384', small['wpe'])
    s('params_ratio', large['total'] / small['total'], 'num', 2)
    s('blocks_ratio', large['blocks'] / small['blocks'], 'num', 2)
    s('wte_ratio', large['wte'] / small['wte'], 'num', 2)
    s('flops_ratio_768_384', large['flops_per_token'] / small['flops_per_token'], 'num', 2)
    s('params_gpt2_hf', params_gpt2_hf, 'params')
    s('params_gpt2_full', params_gpt2_full)
    for b, v, n in VARIANTS:
        s(f'params_bias{int(b)}_vocab{v}', n, 'params')
    lr_warm, lr_cold = lr_at(ASKED_AT, cfg.warmup_iters), lr_at(ASKED_AT, 0)
    s('lr_14000_warmup', lr_warm, 'sci', 2)
    s('lr_14000_nowarmup', lr_cold, 'sci', 2)
    s('lr_14500_warmup', lr_at(PASTED_AT, cfg.warmup_iters), 'sci', 2)
    s('lr_14000_pct_of_peak', 100 * lr_warm / cfg.learning_rate, 'pct', 1)
    s('lr_claimed_14000', cs.CLAIMED_LR_14000, 'sci', 1)
    s('progress_14500', 100 * PASTED_AT / cfg.max_iters, 'pct', 1)
    s('flops_6n_384', small['flops_6n'])
    s('flops_attn_384', small['flops_attn'])
    share = 100 * small['flops_attn'] / small['flops_per_token']
    s('attn_share_384', share, 'pct', 1)
    # causal attention computes about half of the T x T scores: a kernel that skips the masked half does
    # about half of the attention term nanoGPT counts
    causal = 100 * (small['flops_attn'] / 2) / (small['flops_6n'] + small['flops_attn'] / 2)
    s('attn_share_384_causal', causal, 'pct', 1)
    s('flops_per_iter_384', small['flops_per_token'] * tokens_per_iter, 'sci', 2)
    s('mfu_6n_understates', 100 * (1 - small['flops_6n'] / small['flops_per_token']), 'pct', 1)
    s('chinchilla_iters_384', round(small['chinchilla_tokens'] / tokens_per_iter))
    s('tokens_per_param_14500', tokens_per_param, 'num', 1)
    s('chinchilla_multiple_14500', tokens_per_param / CHINCHILLA, 'num', 1)
    s('tokens_per_param_768_14500', tokens_seen[PASTED_AT] / large['total'], 'num', 1)
    s('tokens_20000', cfg.max_iters * tokens_per_iter, 'count', 1)
    s('train_bin_bytes_one_epoch_14500', 2 * tokens_seen[PASTED_AT] / 1e9, 'num', 1)
    # step 0 of a model that guesses uniformly: ln V, with GPT-2's padded vocab
    s('ln_vocab', math.log(VOCAB), 'num', 2)
    # get_batch draws its offsets with replacement: after as many draws as there are positions (one
    # nominal epoch), a given position was never drawn with probability (1 - 1/n)^n, which tends to 1/e
    n = tokens_seen[PASTED_AT]
    s('unseen_after_one_epoch', 100 * math.exp(n * math.log1p(-1 / n)), 'pct', 0)


@exp.render
def render(r):
    tokens_per_param_figure(r)
    lr_figure(r)
    params_table(r)
    r.table('variants', ['bias', 'vocab_size', r.t('case_study_arithmetic.col_count'),
                         r.t('case_study_arithmetic.col_printed')],
            [[f'`{b}`', r.int(v), r.int(n), f'`{n / 1e6:.2f}M`' + (' ✓' if (b, v) in matching else '')]
             for b, v, n in VARIANTS], align='lrrr')
    r.table('lr', [r.t('iteration'), r.t('case_study_arithmetic.col_lr_warmup', n=r.int(cfg.warmup_iters)),
                   r.t('case_study_arithmetic.col_lr_nowarmup')],
            [[it, r.sci(lr_at(it, cfg.warmup_iters), 2), r.sci(lr_at(it, 0), 2)] for it in LR_ITERS], align='rrr')
    r.table('epochs', [r.t('case_study_arithmetic.col_bin'), r.t('case_study_arithmetic.col_bin_tokens'),
                       r.t('case_study_arithmetic.col_epochs', it=r.int(PASTED_AT)),
                       r.t('case_study_arithmetic.col_epochs', it=r.int(cfg.max_iters))],
            [[r.num(gb, 0), r.count(gb * 1e9 / 2, 1), r.num(tokens_seen[PASTED_AT] / (gb * 1e9 / 2), 1),
              r.num(cfg.max_iters * tokens_per_iter / (gb * 1e9 / 2), 1)] for gb in TRAIN_BIN_GB], align='rrrr',
            note=r.t('case_study_arithmetic.epochs_note'))
    values(r)
