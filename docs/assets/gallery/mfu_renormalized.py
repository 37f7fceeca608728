"""What does nanoGPT's printed MFU mean on my GPU?

nanoGPT's `iter` line prints MFU as the FLOPs it achieved divided by 312 TFLOPS,
the A100's dense bf16 peak, whatever GPU it actually runs on (model.py,
estimate_mfu: `flops_promised = 312e12`). To read it on another GPU, multiply
by 312 / that GPU's peak. The case study's notes read 11-12% on an RTX 4070 as "low, aim
for 30%+"; re-normalized to the 4070's own dense bf16 peak (FP32 accumulate,
what a bf16 matmul in PyTorch uses), the same run uses well over half of the
card. On an H100 the correction goes the other way: nanoGPT's number reads
about three times too high. The peaks come from trainer.hardware's table.
"""
from trainer.gallery import Experiment
from trainer.hardware import A100_BF16_PEAK, GPU_PEAK_BF16

exp = Experiment(__file__)

# %% The GPUs of the table, and the ones drawn. Volta and Turing have no bf16:
# their fp16 tensor peak is what dtype=auto uses there (float16 + GradScaler).
TABLE = ['A100', 'H100 SXM', 'H100 PCIe', 'H200', 'L4', 'A10', 'T4', 'V100 SXM2',
         'RTX 3060', 'RTX 3090', 'RTX 4070', 'RTX 4090']
FP16_ONLY = {'T4', 'V100 SXM2'}
DRAWN = ['A100', 'H100 SXM', 'L4', 'RTX 3090', 'RTX 4070', 'RTX 4090']
NOTES_GPU = 'RTX 4070'
NOTES_PRINTED = (11.0, 12.0)   # the notes' "MFU 11-12%", as nanoGPT printed it
PRINTED_EXAMPLE = 12.0         # table column: what a printed 12% really is
REAL_EXAMPLE = 40.0            # table column: what nanoGPT prints when the GPU is really at 40%
NOTES_TARGET = 30.0            # the notes' "aim for 30%+"
NOTE004_GPU, NOTE004_PRINTED = 'RTX 3060', 11.0  # note 004 guesses an RTX 3060 for a run printing MFU ~11%
PR464_PRINTED = 104.0          # nanoGPT PR #464: an H100 run printing an MFU above 100%


def factor(gpu):
    """Multiply nanoGPT's printed MFU by this to get the MFU against `gpu`'s own peak."""
    return A100_BF16_PEAK / GPU_PEAK_BF16[gpu]


missing = [gpu for gpu in TABLE + DRAWN if gpu not in GPU_PEAK_BF16]
if missing:
    raise SystemExit(f"error: no peak for {', '.join(missing)} in trainer/hardware.py's GPU_PEAK_BF16")


@exp.render
def render(r):
    # %% Printed against real, one line per GPU: the slope is 312 / peak.
    with r.figure('printed_vs_real') as (fig, ax):
        xs = [0.0, 40.0]
        for gpu in DRAWN:
            (line,) = ax.plot(xs, [x * factor(gpu) for x in xs],
                              label=r.t('mfu_renormalized.legend', gpu=gpu, factor=r.num(factor(gpu), 2)),
                              linewidth=2.4 if gpu == NOTES_GPU else 1.4)
            if gpu == NOTES_GPU:
                ax.plot(NOTES_PRINTED, [x * factor(gpu) for x in NOTES_PRINTED], 'o', color=line.get_color(),
                        markersize=5)
                band = r.num(NOTES_PRINTED[0], 0) + '–' + r.pct(NOTES_PRINTED[1], 0)
                ax.annotate(r.t('mfu_renormalized.notes_point', band=band, gpu=gpu,
                                lo=r.num(NOTES_PRINTED[0] * factor(gpu), 0),
                                hi=r.pct(NOTES_PRINTED[1] * factor(gpu), 0)),
                            (NOTES_PRINTED[1], NOTES_PRINTED[1] * factor(gpu)), xytext=(0.5, 147), textcoords='data',
                            color=line.get_color(), va='top', ha='left',
                            bbox=dict(boxstyle='round,pad=0.3', facecolor='white', edgecolor='none', alpha=0.9),
                            arrowprops=dict(arrowstyle='->', color=line.get_color(), linewidth=0.8))
        ax.axvspan(*NOTES_PRINTED, color='0.88', zorder=0)
        ax.axhline(100, color='0.3', linestyle='--', linewidth=1, label=r.t('mfu_renormalized.peak_line'))
        ax.set_xlim(0, 40)
        ax.set_ylim(0, 150)  # room top left, above 100% where no line has reached yet, for the label
        ax.set_xlabel(r.t('mfu_renormalized.xlabel'))
        ax.set_ylabel(r.t('mfu_renormalized.ylabel'))
        ax.set_title(r.t('mfu_renormalized.fig_title', peak=r.num(A100_BF16_PEAK / 1e12, 0)))
        ax.legend(loc='lower right', frameon=True, framealpha=0.95, edgecolor='none')

    # %% The table: peak, conversion factor, and the two directions of the conversion.
    rows = []
    for gpu in TABLE:
        real = PRINTED_EXAMPLE * factor(gpu)
        name = gpu + (' (fp16)' if gpu in FP16_ONLY else '')
        row = [name, r.num(GPU_PEAK_BF16[gpu] / 1e12, 1), r.num(factor(gpu), 2),
               r.pct(real, 0) + (' †' if real > 100 else ''), r.pct(REAL_EXAMPLE / factor(gpu), 1)]
        rows.append([f'**{c}**' for c in row] if gpu == NOTES_GPU else row)
    r.table('table', [r.t('gpu'), r.t('mfu_renormalized.col_peak'), r.t('mfu_renormalized.col_factor'),
                      r.t('mfu_renormalized.col_printed', p=r.pct(PRINTED_EXAMPLE, 0)),
                      r.t('mfu_renormalized.col_real', p=r.pct(REAL_EXAMPLE, 0))],
            rows, align='lrrrr',
            note=r.t('mfu_renormalized.note', p=r.pct(PRINTED_EXAMPLE, 0)))

    # %% The numbers the pages quote.
    f4070, fh100 = factor(NOTES_GPU), factor('H100 SXM')
    r.setting('rtx4070_peak_tflops', GPU_PEAK_BF16[NOTES_GPU] / 1e12, 'num', 1)
    r.value('rtx4070_factor', f4070, 'num', 2)
    r.value('rtx4070_at_11', NOTES_PRINTED[0] * f4070, 'pct', 0)
    r.value('rtx4070_at_12', NOTES_PRINTED[1] * f4070, 'pct', 0)
    r.value('rtx4070_printed_for_30', NOTES_TARGET / f4070, 'pct', 1)
    r.setting('h100_peak_tflops', GPU_PEAK_BF16['H100 SXM'] / 1e12, 'num', 0)
    r.value('h100_factor', fh100, 'num', 2)
    r.value('h100_pr464', PR464_PRINTED * fh100, 'pct', 0)
    # the throughput a printed MFU implies (printed share of the A100's 312 TFLOPS) against the guessed card's peak
    r.setting('note004_printed_mfu', NOTE004_PRINTED, 'pct', 0)
    r.value('note004_needed_tflops', NOTE004_PRINTED / 100 * A100_BF16_PEAK / 1e12, 'num', 1)
    r.setting('rtx3060_peak_tflops', GPU_PEAK_BF16[NOTE004_GPU] / 1e12, 'num', 1)
    r.value('note004_needed_vs_3060', NOTE004_PRINTED / 100 * A100_BF16_PEAK / GPU_PEAK_BF16[NOTE004_GPU], 'num', 2)
