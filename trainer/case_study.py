"""The case study: the run the site's notes diagnose, exactly as far as the notes state it.

The notes (shared/seeds/, three language versions of one diagnosis, 000/002/003,
and a second one, 001) describe one nanoGPT run: a GPT on one FineWeb-Edu
parquet file, on an RTX 4070, whose val loss stalls near 3.57. They quote
seven val losses (a table), one full `step` line, the printed parameter count,
most of the config and an MFU range. Nothing else about the run is known.

Here every stated value is kept with the note that states it and the text it
was printed as (3.57 is not 3.5700: it is any value in [3.565, 3.575)). Every
setting the notes leave out is listed apart, as assumed, with the reason for
the assumption. `records()` writes the stated points, and only those, as
metrics.jsonl records (an eval record without a train loss where the notes
give none), so the analyzer reads exactly what the notes say and no more.
No torch here.
"""
import json
from decimal import Decimal

# Settings the notes state: name -> (value, where).
STATED = {
    'n_layer': (12, '001'), 'n_head': (12, '001'), 'n_embd': (384, '001'),
    'block_size': (1024, '000'), 'batch_size': (16, '000, 001'), 'gradient_accumulation_steps': (32, '000'),
    'learning_rate': (1e-3, '000'), 'min_lr': (1e-4, '000'),
    'lr_decay_iters': (20_000, '000'), 'dropout': (0.1, '000, 001'), 'weight_decay': (0.1, '000'),
    'compile': (True, '001'),
}
# Settings they do not state, and why we take these values.
ASSUMED = {
    # notes 000 and 002 only say the cosine decays over 20,000 iterations, which is lr_decay_iters
    'max_iters': (20_000, "= lr_decay_iters, as nanoGPT's configs set them"),
    'warmup_iters': (2000, "nanoGPT's default; no note mentions warmup"),
    'eval_interval': (500, 'every quoted step (0, 2000, ..., 13500, 14500) is a multiple of 500'),
    'eval_iters': (200, "nanoGPT's default"),
    'grad_clip': (1.0, "nanoGPT's default (note 000 says there is no clipping, without a config line that turns it off)"),
    'bias': (False, "nanoGPT's default, and the printed 40.56M is only reached with it"),
    'vocab_size': (50304, "nanoGPT's default without a meta.pkl, and the printed 40.56M is only reached with it"),
}
# The val losses of note 000's table, as printed, and the one full `step` line of note 001.
VAL_TABLE = ((0, '10.87'), (2000, '4.03'), (5000, '3.76'), (8000, '3.65'), (11000, '3.61'), (13500, '3.57'),
             (14500, '3.569'))
STEP_LINE = (14500, '3.6415', '3.5696')  # step 14500: train loss 3.6415, val loss 3.5696
PARAMS_PRINTED = '40.56M'                # number of parameters: 40.56M (001)
TOKENS_PER_ITER_STATED = 524_288         # 000: "14 000 iters × 524 288 tokens/iter"
MFU_PRINTED = (11, 12)                   # "MFU 11-12%" as nanoGPT prints it (001)
GPU = 'RTX 4070'                         # the run's name, 125M-single-parquet-4070, and 001
CLAIMED_LR_14000 = 2.5e-4                # 000: "at iteration 14,000 the LR is still ~2.5e-4"
RUN_NAME = '125M-single-parquet-4070'


def half_unit(text):
    """Half the last printed digit: how far the true value may lie from a printed one (3.57 -> 0.005)."""
    exponent = Decimal(text).as_tuple().exponent
    return float(Decimal(1).scaleb(exponent) / 2)


def settings():
    """Every setting the reconstruction uses: stated and assumed together."""
    return {**{k: v for k, (v, _) in STATED.items()}, **{k: v for k, (v, _) in ASSUMED.items()}}


def train_config():
    """The run's TrainConfig: the stated settings, the assumed ones, nanoGPT's defaults for the rest."""
    from trainer.config import TrainConfig, validate
    return validate(TrainConfig(**settings()))


def config_text():
    """A nanoGPT config file with the stated and assumed settings, each assumed one commented as such."""
    lines = ['# the case study: settings the notes state']
    lines += [f'{k} = {v!r}' for k, (v, _) in STATED.items()]
    lines.append('# not stated in the notes: assumed')
    lines += [f'{k} = {v!r}  # assumed: {why}' for k, (v, why) in ASSUMED.items()]
    return '\n'.join(lines) + '\n'


def points():
    """[(step, val text, train text or None)]: each stated eval, with the step line's values at 14,500."""
    out = [(step, val, None) for step, val in VAL_TABLE if step != STEP_LINE[0]]
    out.append((STEP_LINE[0], STEP_LINE[2], STEP_LINE[1]))
    return out


def records(num_params=None):
    """The stated points as metrics.jsonl text: a config record, then one eval record per stated eval
    (train_loss only where the notes state one). num_params: the exact count to record (the notes
    print 40.56M; the exact value comes from the model arithmetic), else the printed value."""
    n = num_params if num_params is not None else int(float(PARAMS_PRINTED[:-1]) * 1e6)
    lines = [{'kind': 'config', 'config': settings(), 'num_params': n, 'tokens_per_iter': TOKENS_PER_ITER_STATED}]
    for step, val, train in points():
        rec = {'kind': 'eval', 'iter': step, 'val_loss': float(val)}
        if train is not None:
            rec['train_loss'] = float(train)
        lines.append(rec)
    return ''.join(json.dumps(r) + '\n' for r in lines)
