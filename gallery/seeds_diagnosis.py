"""What does the analyzer say about the seeds' run?

The seed notes diagnose one nanoGPT run by hand: a 12/12/384 GPT on one
FineWeb-Edu parquet file, whose val loss stalls around 3.57 near iteration
14,000. They quote seven val losses and one `step` line. We rebuild that log
line for line in nanoGPT's console format, with exactly those values (smooth in
between), and run the analyzer on it with the seeds' config file and the GPU
they name. Is it overfitting, a plateau, or something else? How noisy is one
eval? How many epochs is 14,500 iterations, for files of plausible sizes?
No training: the log is synthetic by construction, and says so.
"""
import math
import tempfile
from pathlib import Path

from trainer import plot_fit
from trainer.analyze import analyze
from trainer.analyze.messages import label, message
from trainer.analyze.plot import draw_on
from trainer.analyze.report import evidence_table
from trainer.analyze.synthetic import SEEDS_CONFIG, seeds_run_log
from trainer.gallery import Experiment

exp = Experiment(__file__)

DEVICE = 'RTX 4070'  # the seeds' GPU, to re-normalize nanoGPT's A100-relative MFU
# Train tokens in "one parquet file": we do not know the seeds' file, so a range of sizes.
FILE_TOKENS = [500_000_000, 1_000_000_000, 2_000_000_000, 4_000_000_000, 8_000_000_000]
END = 20_000  # max_iters of the seeds' config

# %% The analyzer, exactly as a reader runs it:
#    plateau analyze seeds.log --config seeds_config.py --device-name "RTX 4070"
log = seeds_run_log()
with tempfile.TemporaryDirectory() as tmp:
    config = Path(tmp) / 'train_fineweb_single.py'
    config.write_text(SEEDS_CONFIG, encoding='utf-8')
    analysis = analyze(text=log, config=str(config), device_name=DEVICE)
    by_size = {n: analyze(text=log, config=str(config), data_tokens=n).runs[0].facts for n in FILE_TOKENS}
(result,) = analysis.runs
facts = result.facts
plateau, below = result.finding('plateau'), result.finding('val_below_train')
assert plateau is not None and below is not None, result.codes()
assert result.finding('overfitting') is None, "the seeds' log is not supposed to read as overfitting"

evals = facts['evals']
steps = [int(s) for s in result.run.eval_steps]
val, train = list(result.run.eval_val), list(result.run.eval_train)
best = min(range(len(val)), key=lambda i: val[i])
noise = plateau.evidence['noise']  # one eval's standard error, estimated from the log itself


@exp.render
def render(r):
    with r.figure('loss', main=True) as (fig, ax):
        draw_on(ax, analysis, r.lang)
        ax.set_title(r.t('seeds_diagnosis.loss_title'))
        plot_fit.labels_above(ax)  # the finding codes, drawn across the curves, go above them

    r.markdown('evidence', '\n'.join(evidence_table(result, r.lang, heading=False)))
    lines = []
    for f in result.findings:
        lines.append(f"- **`{f.code}`** ({label('sev.' + f.severity, r.lang)}){label('sep', r.lang)}{message(f, r.lang)}")
    r.markdown('findings', '\n'.join(lines))

    # %% Epochs = tokens seen / tokens in the file, for a range of file sizes.
    rows = []
    for n in FILE_TOKENS:
        f = by_size[n]
        e14 = next(e for e in f['evals'] if e['step'] == 14_000)
        rows.append([r.count(n, 1), r.num(e14['epochs'], 1), r.num(f['epochs'], 1),
                     r.num(END * f['tokens_per_iter'] / n, 1)])
    r.table('epochs', [r.t('seeds_diagnosis.col_file'), r.t('seeds_diagnosis.col_epochs', it=r.int(14_000)),
                       r.t('seeds_diagnosis.col_epochs', it=r.int(facts['last_eval_step'])),
                       r.t('seeds_diagnosis.col_epochs_end', it=r.int(END))], rows, align='rrrr')

    v = r.value
    v('best_step', steps[best], r.int(steps[best]))
    v('best_val', val[best], r.num(val[best], 4))
    v('last_step', steps[-1], r.int(steps[-1]))
    v('last_val', val[-1], r.num(val[-1], 4))
    rise = val[-1] - val[best]
    v('rise_after_best', rise, r.num(rise, 4))
    v('eval_noise', noise, r.num(noise, 4))
    v('diff_noise', math.sqrt(2) * noise, r.num(math.sqrt(2) * noise, 4))
    gap = train[-1] - val[-1]
    v('gap_last', gap, r.num(gap, 4))
    v('gap_over_noise', below.evidence['gap_over_noise'], r.num(below.evidence['gap_over_noise'], 1))
    v('plateau_start', plateau.evidence['window_start'], r.int(plateau.evidence['window_start']))
    v('plateau_gain', plateau.evidence['improvement'], r.num(plateau.evidence['improvement'], 4))
    mfu = facts['mfu']['renormalized_device_pct']
    v('mfu_4070', mfu, r.pct(mfu, 0))
