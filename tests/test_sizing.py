"""trainer/sizing.py: nanoGPT's parameter count, FLOPs, tokens per iteration, get_lr, MFU."""
import math

import pytest
from hypothesis import given, settings, strategies as st

from trainer import sizing


@pytest.mark.parametrize('n_layer, n_embd, vocab, bias, expected', [
    # research notes §5: 40.56M only with vocab 50304 and bias=False
    (12, 384, 50304, False, 40_560_000),
    (12, 384, 50304, True, 40_611_072),
    (12, 384, 50257, False, 40_541_952),
    (12, 384, 50257, True, 40_593_024),
    (12, 768, 50304, False, 123_587_328),  # nanoGPT's default scratch run: 123.59M
    (12, 768, 50304, True, 123_689_472),
    (12, 768, 50257, False, 123_551_232),
    (12, 768, 50257, True, 123_653_376),  # from_pretrained('gpt2'): 123.65M
])
def test_num_params_matches_nanogpt(n_layer, n_embd, vocab, bias, expected):
    assert sizing.num_params(n_layer, n_embd, vocab, 1024, bias) == expected


def test_printed_millions():
    assert '%.2fM' % (sizing.num_params(12, 384, 50304) / 1e6) == '40.56M'
    assert '%.2fM' % (sizing.num_params(12, 768, 50304) / 1e6) == '123.59M'
    # config/train_shakespeare_char.py with meta.pkl's vocab of 65
    assert sizing.num_params(6, 384, 65, 256) == 10_646_784
    assert '%.2fM' % (sizing.num_params(6, 384, 65, 256) / 1e6) == '10.65M'


def test_wpe_only_counted_without_non_embedding():
    # GPT-2 124M as usually quoted (llm.c prints 124439808) includes wpe
    assert sizing.num_params(12, 768, 50257, 1024, True, non_embedding=False) == 124_439_808
    # rope has no wpe to subtract
    a = sizing.num_params(2, 64, 100, 128, pos='rope')
    assert a == sizing.num_params(2, 64, 100, 128, pos='rope', non_embedding=False)
    assert a == sizing.num_params(2, 64, 100, 128)


def test_variants():
    C, L, V = 384, 6, 65
    base = sizing.num_params(L, C, V, 256)
    # RMSNorm has the same weight vector as a bias-free LayerNorm
    assert sizing.num_params(L, C, V, 256, norm='rmsnorm') == base
    # ... but drops LayerNorm's bias when bias=True: 2 per layer + ln_f
    assert (sizing.num_params(L, C, V, 256, bias=True) - sizing.num_params(L, C, V, 256, bias=True, norm='rmsnorm')
            == (2 * L + 1) * C)
    # swiglu at C=384: H=1024, 3*C*H == 8*C*C, so the count is unchanged
    assert sizing.num_params(L, C, V, 256, mlp='swiglu') == base
    with pytest.raises(ValueError):
        sizing.num_params(L, C, V, mlp='relu')
    with pytest.raises(ValueError):
        sizing.num_params(L, C, V, pos='alibi')
    with pytest.raises(ValueError):
        sizing.num_params(L, C, V, norm='batchnorm')


def test_swiglu_hidden():
    assert [sizing.swiglu_hidden(c) for c in (24, 128, 384, 768)] == [64, 344, 1024, 2048]
    for c in range(8, 2049, 8):
        h = sizing.swiglu_hidden(c)
        assert h % 8 == 0
        assert abs(3 * c * h - 8 * c * c) <= 3 * c * 4  # within half a rounding step of 8C/3


def test_flops_per_token():
    # research §5: 6*40,560,000 + 12*12*12*32*1024
    assert sizing.flops_per_token(40_560_000, 12, 12, 384, 1024) == 299_983_104
    assert sizing.flops_per_token(123_587_328, 12, 12, 768, 1024) == 854_770_176
    assert sizing.flops_per_iter(123_587_328, 12, 12, 768, 1024, 60) == 854_770_176 * 1024 * 60


def test_tokens_per_iter():
    assert sizing.tokens_per_iter(40, 1, 12, 1024) == 491_520
    assert sizing.tokens_per_iter(5, 8, 12, 1024) == 491_520  # 8-way DDP: grad accum 40 // 8 per rank
    assert sizing.tokens_per_iter(1, 1, 64, 256) == 16_384
    assert f"{sizing.tokens_per_iter(1, 1, 64, 256):,}" == '16,384'


def test_mfu():
    # 100% A100 MFU for the 124M model on 8 GPUs (60 sequences per rank) would take 168 ms per iteration
    flops = sizing.flops_per_iter(123_587_328, 12, 12, 768, 1024, 60)
    assert sizing.mfu(flops, flops / 312e12, 312e12) == pytest.approx(1.0)
    assert flops / 312e12 == pytest.approx(0.168, abs=5e-4)
    assert sizing.mfu(flops, 0.336, 312e12) == pytest.approx(0.5, rel=2e-3)


# --- get_lr ------------------------------------------------------------------------------

def nanogpt_get_lr(it, peak, warmup, decay_end, floor):
    """nanoGPT's schedule (train.py L231-242, after commit dc81cb36), written out independently:
    peak*(it+1)/(warmup+1) during warmup, a half cosine from peak down to floor until
    decay_end, floor after it; the same floating-point steps, so results compare exactly."""
    if it >= warmup and it <= decay_end:
        done = (it - warmup) / (decay_end - warmup)  # fraction of the decay behind us
        return floor + 0.5 * (1.0 + math.cos(math.pi * done)) * (peak - floor)
    return peak * (it + 1) / (warmup + 1) if it < warmup else floor


def test_get_lr_points():
    lr, min_lr, w, d = 6e-4, 6e-5, 2000, 600000
    assert sizing.get_lr(0, lr, w, d, min_lr) == lr * 1 / 2001  # nonzero at iteration 0
    assert sizing.get_lr(w - 1, lr, w, d, min_lr) == lr * 2000 / 2001
    assert sizing.get_lr(w, lr, w, d, min_lr) == lr  # decay_ratio 0: the peak
    mid = w + (d - w) // 2
    assert sizing.get_lr(mid, lr, w, d, min_lr) == pytest.approx((lr + min_lr) / 2, rel=1e-12)
    assert sizing.get_lr(d, lr, w, d, min_lr) == pytest.approx(min_lr, rel=1e-12)
    assert sizing.get_lr(d + 1, lr, w, d, min_lr) == min_lr
    assert sizing.get_lr(10 ** 9, lr, w, d, min_lr) == min_lr


def test_get_lr_warmup_vs_none_at_14000():
    # lr 1e-3, min_lr 1e-4, 20000 decay iterations; at it=14000:
    # warmup 2000: ratio 12000/18000 = 2/3, coeff = 0.5*(1+cos(2pi/3)) = 0.25 -> 1e-4 + 0.25*9e-4
    assert sizing.get_lr(14000, 1e-3, 2000, 20000, 1e-4) == pytest.approx(3.25e-4, rel=1e-12)
    # no warmup: ratio 0.7, coeff = 0.5*(1+cos(0.7pi)) = 0.2061073738537635
    assert sizing.get_lr(14000, 1e-3, 0, 20000, 1e-4) == pytest.approx(1e-4 + 0.2061073738537635 * 9e-4, rel=1e-12)
    assert sizing.get_lr(14000, 1e-3, 0, 20000, 1e-4) == pytest.approx(2.854966364683872e-4, rel=1e-12)


def test_get_lr_constant_and_linear():
    assert sizing.get_lr(0, 1e-3, 100, 1000, 1e-4, decay_lr=False) == 1e-3
    assert sizing.get_lr(5000, 1e-3, 100, 1000, 1e-4, decay_lr=False) == 1e-3
    # linear: same warmup, then a straight line from lr at warmup to min_lr at lr_decay_iters
    assert sizing.get_lr(50, 1e-3, 100, 1100, 0.0, schedule='linear') == sizing.get_lr(50, 1e-3, 100, 1100, 0.0)
    assert sizing.get_lr(100, 1e-3, 100, 1100, 0.0, schedule='linear') == 1e-3
    assert sizing.get_lr(600, 1e-3, 100, 1100, 0.0, schedule='linear') == pytest.approx(5e-4)
    assert sizing.get_lr(850, 1e-3, 100, 1100, 1e-4, schedule='linear') == pytest.approx(1e-4 + 0.25 * 9e-4)
    assert sizing.get_lr(1100, 1e-3, 100, 1100, 0.0, schedule='linear') == 0.0
    with pytest.raises(ValueError):
        sizing.get_lr(500, 1e-3, 100, 1100, 0.0, schedule='step')


def test_get_lr_degenerate_decay_equals_warmup():
    # the CPU recipe without a config file: warmup 2000 (default), lr_decay_iters 2000, iteration 2000 runs.
    # nanoGPT divides by zero there; we give that iteration the peak lr.
    assert sizing.get_lr(2000, 1e-3, 2000, 2000, 1e-4) == 1e-3
    assert sizing.get_lr(1999, 1e-3, 2000, 2000, 1e-4) == 1e-3 * 2000 / 2001
    assert sizing.get_lr(2001, 1e-3, 2000, 2000, 1e-4) == 1e-4
    # decay shorter than warmup: warmup, then straight to min_lr
    assert sizing.get_lr(50, 1e-3, 100, 10, 1e-4) == 1e-3 * 51 / 101
    assert sizing.get_lr(100, 1e-3, 100, 10, 1e-4) == 1e-4


@settings(max_examples=500, deadline=None)
@given(it=st.integers(0, 10 ** 6), lr=st.floats(1e-6, 1.0), warmup=st.integers(0, 10 ** 5),
       extra=st.integers(1, 10 ** 6), frac=st.floats(0.0, 1.0))
def test_get_lr_equals_nanogpt(it, lr, warmup, extra, frac):
    min_lr = lr * frac
    decay = warmup + extra
    assert sizing.get_lr(it, lr, warmup, decay, min_lr) == nanogpt_get_lr(it, lr, warmup, decay, min_lr)
