"""Where does an untrained model's loss start against ln V, and what does weight tying change there?

A model that spreads its probability evenly over a vocabulary of V symbols
scores ln V nats per token, and nanoGPT-style runs start close to it. Our
character runs start a little below ln 84 (our `shakespeare_char` is the
complete works, 84 symbols, not nanoGPT's 65-symbol tiny Shakespeare). One
hypothesis: the output layer shares its matrix with the input embedding
(weight tying), so at initialization the logit of the character just read is
raised, and the model bets on a repeat; text that repeats characters more
often than 1/V rewards that bet. Here we build the models untrained, three
seeds each, tied as the trainer builds them and untied (an output matrix of
its own, drawn the same way), and measure on the same val batches: the loss,
the extra logit of the input character, and the loss where the next
character repeats the current one against where it does not. We also count
how often the data repeats a character.
"""
import math

import numpy as np
import torch

from trainer.gallery import Experiment
from trainer.gallery.claims import above, below, straddles_zero
from trainer.gallery.groups import PerSeed
from trainer.model import GPT, GPTConfig

exp = Experiment(__file__)

# %% Shapes of the gallery's runs (no training: the models are measured as initialized).
# One thread and rounded results, so a re-render gives the same numbers on any machine.
P = exp.settings({
    'cpu': dict(seeds=(1, 2, 3), batches=8, batch_size=16, block_size=64,
                widths=((4, 4, 64), (4, 4, 128), (6, 6, 384))),
    'smoke': dict(seeds=(1, 2), batches=2, batch_size=4, block_size=32, widths=((2, 2, 32), (2, 2, 64))),
})
SEEDS, SHAPES = P['seeds'], P['widths']
torch.set_num_threads(1)
data = exp.data('shakespeare_char')
train = np.asarray(data.tokens(exp.layout, 'train'), dtype=np.int64)
val = np.asarray(data.tokens(exp.layout, 'val'), dtype=np.int64)
V = int(max(train.max(), val.max())) + 1
if V != 84:
    raise SystemExit(f"error: expected shakespeare_char's 84 symbols, found {V}")
LN_V = math.log(V)
NANOGPT_VOCAB = 65  # tiny Shakespeare's characters (nanoGPT data/shakespeare_char/prepare.py)

# %% The data: how often the next character repeats the current one, against 1/V, and the
# unigram entropy (the best loss a model could reach knowing only character frequencies).
repeat_rate = float(np.mean(train[1:] == train[:-1]))
freq = np.bincount(train, minlength=V) / train.size
unigram_entropy = float(-(freq[freq > 0] * np.log(freq[freq > 0])).sum())

# %% The same val batches for every model: fixed offsets from a fixed generator.
gen = np.random.default_rng(0)
starts = gen.integers(0, val.size - P['block_size'] - 1, size=(P['batches'], P['batch_size']))
X = torch.from_numpy(np.stack([[val[s:s + P['block_size']] for s in row] for row in starts]))
Y = torch.from_numpy(np.stack([[val[s + 1:s + 1 + P['block_size']] for s in row] for row in starts]))
REPEAT = (X == Y)


def build(shape, seed, tied):
    n_layer, n_head, n_embd = shape
    torch.manual_seed(seed)
    model = GPT(GPTConfig(block_size=P['block_size'], vocab_size=V, n_layer=n_layer, n_head=n_head,
                          n_embd=n_embd, bias=False), log=None)
    if not tied:  # its own output matrix, drawn like every other Linear (normal, std 0.02)
        head = torch.nn.Linear(n_embd, V, bias=False)
        torch.nn.init.normal_(head.weight, mean=0.0, std=0.02)
        model.lm_head = head
    return model.eval()


@torch.no_grad()
def measure(shape, seed, tied):
    """Mean loss; loss on repeat / non-repeat positions; the input character's logit minus the mean logit."""
    model = build(shape, seed, tied)
    losses, boosts = [], []
    for x, y in zip(X, Y):
        logits, _ = model(x, y)
        losses.append(torch.nn.functional.cross_entropy(logits.flatten(0, 1), y.flatten(), reduction='none'))
        own = logits.gather(-1, x.unsqueeze(-1)).squeeze(-1)
        boosts.append((own - logits.mean(-1)).flatten())
    loss, boost, rep = torch.cat(losses), torch.cat(boosts), REPEAT.flatten()
    return {k: round(float(v), 5) for k, v in dict(loss=loss.mean(), repeat=loss[rep].mean(),
                                                    other=loss[~rep].mean(), boost=boost.mean()).items()}


def label(shape):
    return '/'.join(str(s) for s in shape)


M = {}
for shape in SHAPES:
    for tied in (True, False):
        rows = [measure(shape, s, tied) for s in SEEDS]
        M[(shape, tied)] = {k: PerSeed(SEEDS, [row[k] for row in rows]) for k in rows[0]}

# %% Claims. The tied model raises the logit of the character just read, so repeats cost less; whether that
# moves the mean loss below what the untied model scores is tested per seed (same body, same seed: paired).
SMALL = SHAPES[0]
for shape in SHAPES:
    tag = label(shape).replace('/', '_')
    tied, untied = M[(shape, True)], M[(shape, False)]
    exp.claim(f'tied_boosts_input_{tag}', tied['boost'], above(0.5),
              f"tied {label(shape)} model at init: the input character's logit sits over 0.5 above the mean logit")
    exp.claim(f'untied_no_boost_{tag}', untied['boost'].map(abs), below(0.15),
              f"untied {label(shape)} model at init: the input character's logit is within 0.15 of the mean logit")
for shape in SHAPES[:-1]:
    tag = label(shape).replace('/', '_')
    exp.claim(f'tying_lowers_start_{tag}', M[(shape, False)]['loss'] - M[(shape, True)]['loss'], above(0),
              f'{label(shape)} model at init: the tied output layer scores a lower loss than the untied one, '
              'for every seed')
WIDE = SHAPES[-1]
wide_tag = label(WIDE).replace('/', '_')
exp.claim(f'tying_no_consistent_effect_{wide_tag}', M[(WIDE, False)]['loss'] - M[(WIDE, True)]['loss'],
          straddles_zero(), f'{label(WIDE)} model at init: tied against untied, the seeds disagree on the sign')
exp.claim(f'wide_starts_above_ln_v_{wide_tag}', M[(WIDE, True)]['loss'] - LN_V, above(0.05),
          f'the tied {label(WIDE)} model starts more than 0.05 above ln {V}, for every seed')
exp.claim('repeats_cheaper_when_tied', M[(SMALL, True)]['other'] - M[(SMALL, True)]['repeat'], above(0.5),
          f'tied {label(SMALL)} model at init: loss where the next character repeats is over 0.5 nats below '
          'the loss elsewhere')
exp.claim('data_repeats_above_chance', repeat_rate * V, above(1.5),
          'the data repeats a character more than 1.5x as often as 1/V would')


@exp.render
def render(r):
    with r.figure('start', main=True) as (fig, ax):
        xs = np.arange(len(SHAPES))
        for offset, tied in ((-0.12, True), (0.12, False)):
            for i, shape in enumerate(SHAPES):
                vals = M[(shape, tied)]['loss'].values
                ax.plot([i + offset] * len(vals), vals, 'o', ms=4, color='C0' if tied else 'C1',
                        label=(r.t('start_loss.tied') if tied else r.t('start_loss.untied')) if i == 0 else None)
        ax.axhline(LN_V, color='0.3', linestyle='--', linewidth=1, label=r.t('start_loss.ln_v', v=r.int(V)))
        ax.set_xticks(xs)
        ax.set_xticklabels([label(s) for s in SHAPES])
        ax.set_xlabel('n_layer/n_head/n_embd')
        ax.set_ylabel(r.t('start_loss.ylabel'))
        ax.set_title(r.t('start_loss.fig_title', n=len(SEEDS)))
        ax.legend()

    rows = []
    for shape in SHAPES:
        for tied in (True, False):
            m = M[(shape, tied)]
            rows.append([label(shape), r.t('start_loss.tied') if tied else r.t('start_loss.untied'),
                         r.spread_text(m['loss'], 'num', 4), r.spread_text(m['loss'] - LN_V, 'num', 4, signed=True),
                         r.spread_text(m['boost'], 'num', 2), r.spread_text(m['repeat'], 'num', 2),
                         r.spread_text(m['other'], 'num', 3)])
    r.table('summary', ['n_layer/n_head/n_embd', r.t('start_loss.col_head'), r.t('start_loss.col_loss'),
                        r.t('start_loss.col_vs_ln_v'), r.t('start_loss.col_boost'), r.t('start_loss.col_repeat'),
                        r.t('start_loss.col_other')], rows, align='llrrrrr',
            note=r.t('seeds.note', n=len(SEEDS)))

    r.setting('vocab', V, 'int')
    r.setting('ln_v', LN_V, 'num', 4)
    # nanoGPT's data/shakespeare_char is tiny Shakespeare, whose prepare.py finds 65 characters
    r.setting('nanogpt_vocab', NANOGPT_VOCAB, 'int')
    r.setting('nanogpt_ln_v', math.log(NANOGPT_VOCAB), 'num', 4)
    r.setting('n_seeds', len(SEEDS))
    r.value('repeat_rate', 100 * repeat_rate, 'pct', 2)
    r.setting('chance_rate', 100 / V, 'pct', 2)
    r.value('repeat_ratio', repeat_rate * V, 'num', 1)
    r.value('unigram_entropy', unigram_entropy, 'num', 3)
    for shape in SHAPES:
        tag = label(shape).replace('/', '_')
        for tied in (True, False):
            m, kind = M[(shape, tied)], 'tied' if tied else 'untied'
            r.value(f'loss_{kind}_{tag}', m['loss'], 'num', 4)
            r.value(f'below_{kind}_{tag}', LN_V - m['loss'], 'num', 4)
            r.value(f'boost_{kind}_{tag}', m['boost'], 'num', 2)
        r.value(f'repeat_loss_tied_{tag}', M[(shape, True)]['repeat'], 'num', 2)
        r.value(f'other_loss_tied_{tag}', M[(shape, True)]['other'], 'num', 3)
        r.value(f'tying_gain_{tag}', M[(shape, False)]['loss'] - M[(shape, True)]['loss'], 'num', 4, signed=True)
