"""trainer/model.py: nanoGPT's GPT (counts, init, forward, optimizer groups, MFU) and the switches."""
import itertools
import math

import pytest
import torch

from trainer import sizing
from trainer.model import GPT, GPTConfig, apply_rope, rope_tables

VARIANTS = list(itertools.product(('learned', 'rope'), ('layernorm', 'rmsnorm'), ('gelu', 'swiglu')))


def tiny(**kw):
    args = dict(block_size=16, vocab_size=37, n_layer=2, n_head=2, n_embd=32, dropout=0.0, bias=False)
    args.update(kw)
    return GPTConfig(**args)


def build(config, lines=None, seed=0):
    torch.manual_seed(seed)
    return GPT(config, log=None if lines is None else lines.append)


def meta_model(**kw):
    with torch.device('meta'):  # no memory, no init time: only shapes
        return GPT(GPTConfig(**kw), log=None)


# --- parameter counts --------------------------------------------------------------------------

def test_shakespeare_char_counts_and_console_lines():
    lines = []
    model = build(GPTConfig(block_size=256, vocab_size=65, n_layer=6, n_head=6, n_embd=384, dropout=0.2,
                            bias=False), lines)
    model.configure_optimizers(0.1, 1e-3, (0.9, 0.99), 'cpu')
    assert lines == [
        'number of parameters: 10.65M',
        'num decayed parameter tensors: 26, with 10,740,096 parameters',
        'num non-decayed parameter tensors: 13, with 4,992 parameters',
        'using fused AdamW: False',
    ]


def test_gpt2_sizes():
    assert meta_model(n_layer=12, n_head=12, n_embd=384, bias=False).get_num_params() == 40_560_000
    model = meta_model(bias=False)
    assert model.get_num_params() == 123_587_328
    lines = []
    model.log = lines.append
    model.configure_optimizers(0.1, 6e-4, (0.9, 0.95), 'cpu')
    assert lines[:2] == ['num decayed parameter tensors: 50, with 124,354,560 parameters',
                         'num non-decayed parameter tensors: 25, with 19,200 parameters']
    # GPTConfig's own default is bias=True, vocab 50304
    assert meta_model().get_num_params() == 123_689_472
    pretrained_shape = meta_model(vocab_size=50257, bias=True)
    assert '%.2fM' % (pretrained_shape.get_num_params() / 1e6) == '123.65M'
    assert pretrained_shape.get_num_params(non_embedding=False) == 124_439_808


@pytest.mark.parametrize('pos, norm, mlp', VARIANTS)
@pytest.mark.parametrize('bias', [False, True])
def test_sizing_matches_model(pos, norm, mlp, bias):
    for n_embd, n_head in ((40, 2), (128, 4)):
        cfg = GPTConfig(block_size=24, vocab_size=51, n_layer=2, n_head=n_head, n_embd=n_embd, bias=bias,
                        pos=pos, norm=norm, mlp=mlp)
        with torch.device('meta'):
            model = GPT(cfg, log=None)
        for non_embedding in (True, False):
            assert model.get_num_params(non_embedding) == sizing.num_params(
                2, n_embd, 51, 24, bias, mlp, norm, pos, non_embedding)


def test_swiglu_keeps_the_parameter_count_close():
    for n_embd in (64, 128, 192, 384, 512):
        gelu = sizing.num_params(4, n_embd, 65, 256)
        swiglu = sizing.num_params(4, n_embd, 65, 256, mlp='swiglu')
        assert abs(swiglu - gelu) <= 4 * 1.5 / n_embd * (8 * n_embd ** 2)  # 4 layers, MLP within 1.5/C
        if n_embd % 24 == 0:
            assert swiglu == gelu


def test_nanogpt_state_dict_names():
    model = build(tiny(n_layer=1, bias=True))
    assert set(model.state_dict()) == {
        'transformer.wte.weight', 'transformer.wpe.weight', 'lm_head.weight',
        'transformer.h.0.ln_1.weight', 'transformer.h.0.ln_1.bias',
        'transformer.h.0.attn.c_attn.weight', 'transformer.h.0.attn.c_attn.bias',
        'transformer.h.0.attn.c_proj.weight', 'transformer.h.0.attn.c_proj.bias',
        'transformer.h.0.ln_2.weight', 'transformer.h.0.ln_2.bias',
        'transformer.h.0.mlp.c_fc.weight', 'transformer.h.0.mlp.c_fc.bias',
        'transformer.h.0.mlp.c_proj.weight', 'transformer.h.0.mlp.c_proj.bias',
        'transformer.ln_f.weight', 'transformer.ln_f.bias',
    }
    rope = build(tiny(n_layer=1, pos='rope', norm='rmsnorm'))
    assert 'transformer.wpe.weight' not in rope.state_dict()
    assert not any(k.startswith('rope_') for k in rope.state_dict())  # recomputed, not saved


# --- init ----------------------------------------------------------------------------------------

def test_init():
    model = build(GPTConfig(block_size=64, vocab_size=512, n_layer=4, n_head=4, n_embd=256, bias=True))
    assert model.transformer.wte.weight is model.lm_head.weight
    h = model.transformer.h
    assert model.transformer.wte.weight.std().item() == pytest.approx(0.02, rel=0.03)
    assert model.transformer.wpe.weight.std().item() == pytest.approx(0.02, rel=0.05)
    assert torch.cat([b.attn.c_attn.weight.flatten() for b in h]).std().item() == pytest.approx(0.02, rel=0.03)
    proj = 0.02 / math.sqrt(2 * 4)
    for name in ('attn', 'mlp'):
        w = torch.cat([getattr(b, name).c_proj.weight.flatten() for b in h])
        assert w.std().item() == pytest.approx(proj, rel=0.03)
    assert all(b.mlp.c_fc.bias.abs().max() == 0 for b in h)
    assert torch.equal(h[0].ln_1.weight, torch.ones(256)) and torch.equal(h[0].ln_1.bias, torch.zeros(256))


@pytest.mark.parametrize('pos, norm, mlp', VARIANTS)
def test_loss_at_init_is_ln_vocab(pos, norm, mlp):
    model = build(GPTConfig(block_size=32, vocab_size=65, n_layer=2, n_head=2, n_embd=64, bias=False,
                            pos=pos, norm=norm, mlp=mlp))
    x, y = torch.randint(0, 65, (8, 32)), torch.randint(0, 65, (8, 32))
    _, loss = model(x, y)
    assert loss.item() == pytest.approx(math.log(65), abs=0.05)


# --- forward --------------------------------------------------------------------------------------

def test_forward_shapes_and_inference_shortcut():
    model = build(tiny())
    x = torch.randint(0, 37, (3, 16))
    logits, loss = model(x, x)
    assert logits.shape == (3, 16, 37) and loss.shape == ()
    last, none = model(x)
    assert last.shape == (3, 1, 37) and none is None
    torch.testing.assert_close(last[:, 0], logits[:, -1])
    short, _ = model(x[:, :5].contiguous(), x[:, :5].contiguous())
    assert short.shape == (3, 5, 37)
    with pytest.raises(ValueError, match='block size is only 16'):
        model(torch.zeros(1, 17, dtype=torch.long))


def test_ignore_index():
    model = build(tiny())
    x = torch.randint(0, 37, (2, 16))
    y = x.clone()
    y[:, 8:] = -1
    _, loss = model(x, y)
    logits, _ = model(x, x)
    expected = torch.nn.functional.cross_entropy(logits[:, :8].reshape(-1, 37), x[:, :8].reshape(-1))
    torch.testing.assert_close(loss, expected)


@pytest.mark.parametrize('pos, norm, mlp', VARIANTS)
def test_causal(pos, norm, mlp):
    model = build(tiny(pos=pos, norm=norm, mlp=mlp))
    x = torch.randint(0, 37, (2, 16))
    x2 = x.clone()
    x2[:, 10:] = (x2[:, 10:] + 1) % 37
    a, _ = model(x, x)
    b, _ = model(x2, x2)
    torch.testing.assert_close(a[:, :10], b[:, :10])
    assert not torch.allclose(a[:, 10:], b[:, 10:])


@pytest.mark.parametrize('pos', ['learned', 'rope'])
def test_flash_and_manual_attention_agree(pos):
    model = build(tiny(pos=pos))
    x = torch.randint(0, 37, (2, 16))
    flash, _ = model(x, x)
    for block in model.transformer.h:
        block.attn.flash = False
    manual, _ = model(x, x)
    torch.testing.assert_close(flash, manual, rtol=1e-5, atol=1e-5)


def test_rope_is_relative():
    cos, sin = rope_tables(32, 8)
    q, k = torch.randn(8), torch.randn(8)

    def score(m, n):
        return (apply_rope(q, cos[m], sin[m]) @ apply_rope(k, cos[n], sin[n])).item()

    assert score(5, 3) == pytest.approx(score(12, 10), abs=1e-5)
    assert score(0, 0) == pytest.approx((q @ k).item(), abs=1e-6)
    assert apply_rope(q, cos[7], sin[7]).norm().item() == pytest.approx(q.norm().item(), rel=1e-6)
    assert score(5, 3) != pytest.approx(score(5, 4), abs=1e-3)


def test_rope_model_is_position_aware():
    # without wpe, rope is the only source of order: swapping two earlier tokens must change the
    # last position's prediction (one causal attention layer with no position signal is a bag of words)
    x = torch.arange(1, 17).view(1, 16)
    swapped = x.clone()
    swapped[0, [2, 5]] = swapped[0, [5, 2]]
    model = build(tiny(pos='rope', n_layer=1))
    assert not torch.allclose(model(x)[0], model(swapped)[0])
    no_rope = build(tiny(pos='rope', n_layer=1))
    no_rope.rope_cos.fill_(1.0)
    no_rope.rope_sin.fill_(0.0)
    torch.testing.assert_close(no_rope(x)[0], no_rope(swapped)[0])


def test_dropout_only_in_training():
    model = build(tiny(dropout=0.3))
    x = torch.randint(0, 37, (2, 16))
    model.eval()
    a, _ = model(x, x)
    b, _ = model(x, x)
    torch.testing.assert_close(a, b)
    model.train()
    c, _ = model(x, x)
    assert not torch.allclose(a, c)


@pytest.mark.parametrize('pos, norm, mlp', VARIANTS)
def test_every_variant_trains(pos, norm, mlp):
    model = build(tiny(pos=pos, norm=norm, mlp=mlp, bias=True))
    opt = model.configure_optimizers(0.1, 3e-3, (0.9, 0.95), 'cpu')
    torch.manual_seed(1)
    x = torch.randint(0, 37, (4, 16))
    y = torch.roll(x, -1, dims=1)
    losses = []
    for _ in range(15):
        _, loss = model(x, y)
        opt.zero_grad(set_to_none=True)
        loss.backward()
        torch.nn.utils.clip_grad_norm_(model.parameters(), 1.0)
        opt.step()
        losses.append(loss.item())
    assert losses[-1] < losses[0] - 0.5


def test_optimizer_groups():
    model = build(tiny(bias=True, pos='rope'))
    opt = model.configure_optimizers(0.1, 1e-3, (0.9, 0.95), 'cpu')
    decay, nodecay = opt.param_groups
    assert decay['weight_decay'] == 0.1 and nodecay['weight_decay'] == 0.0
    assert all(p.dim() >= 2 for p in decay['params']) and all(p.dim() < 2 for p in nodecay['params'])
    # no wpe with rope: 1 + 4L decayed; with bias: 8L + 2 non-decayed
    assert (len(decay['params']), len(nodecay['params'])) == (1 + 4 * 2, 8 * 2 + 2)
    assert opt.defaults['betas'] == (0.9, 0.95) and opt.defaults['lr'] == 1e-3


def test_bf16_autocast_forward_on_cpu():
    model = build(tiny(pos='rope', norm='rmsnorm', mlp='swiglu'))
    x = torch.randint(0, 37, (2, 16))
    with torch.amp.autocast(device_type='cpu', dtype=torch.bfloat16):
        logits, loss = model(x, x)
    assert logits.dtype == torch.bfloat16 and torch.isfinite(loss)
    loss.backward()


# --- surgery, MFU, sampling ------------------------------------------------------------------------

@pytest.mark.parametrize('pos', ['learned', 'rope'])
def test_crop_block_size(pos):
    model = build(tiny(pos=pos))
    x = torch.randint(0, 37, (2, 8))
    before, _ = model(x, x)
    model.crop_block_size(8)
    assert model.config.block_size == 8
    after, _ = model(x, x)
    torch.testing.assert_close(before, after)
    if pos == 'learned':
        assert model.transformer.wpe.weight.shape == (8, 32)
    with pytest.raises(ValueError):
        model(torch.zeros(1, 9, dtype=torch.long))


def test_estimate_mfu_is_nanogpt_formula():
    model = build(GPTConfig(block_size=256, vocab_size=65, n_layer=6, n_head=6, n_embd=384), None)
    N = model.get_num_params()
    flops_per_iter = (6 * N + 12 * 6 * 6 * 64 * 256) * 256 * 64
    assert model.flops_per_iter(64) == flops_per_iter
    assert model.estimate_mfu(64, 0.5) == pytest.approx(flops_per_iter / 0.5 / 312e12, rel=1e-12)
    assert model.estimate_mfu(64, 0.5, peak_flops=1e12) == pytest.approx(flops_per_iter / 0.5 / 1e12, rel=1e-12)


def test_generate():
    model = build(tiny())
    model.eval()
    idx = torch.randint(0, 37, (2, 3))
    out = model.generate(idx, 20, temperature=0.8, top_k=5)  # grows past block_size 16: context is cropped
    assert out.shape == (2, 23) and torch.equal(out[:, :3], idx)
    assert int(out.min()) >= 0 and int(out.max()) < 37
    # top_k=1 is greedy decoding
    greedy = model.generate(idx, 4, top_k=1)
    seq = idx
    for _ in range(4):
        logits, _ = model(seq)
        seq = torch.cat([seq, logits[:, -1].argmax(-1, keepdim=True)], dim=1)
    assert torch.equal(greedy, seq)


def test_bad_switch_rejected():
    with pytest.raises(ValueError, match="GPTConfig.mlp must be one of"):
        GPT(tiny(mlp='relu'), log=None)


@pytest.mark.slow
def test_compiled_model_matches_eager():
    model = build(tiny(pos='rope', mlp='swiglu'))
    x = torch.randint(0, 37, (2, 16))
    eager, _ = model(x, x)
    compiled, _ = torch.compile(model)(x, x)
    torch.testing.assert_close(eager, compiled, rtol=1e-4, atol=1e-4)
