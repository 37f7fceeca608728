"""trainer/pretrained.py: GPT-2 weights from a Hugging Face state dict, with a fake `transformers`.

The fake GPT2LMHeadModel serves the weights of a reference GPT laid out as
Hugging Face stores them (Conv1D matrices transposed, causal-mask buffers
included), at a tiny size: no network, no 500 MB download.
"""
import types

import pytest
import torch

from trainer import pretrained, sizing
from trainer.model import GPT


def hf_layout(model):
    """model's state dict as GPT2LMHeadModel.state_dict() has it."""
    hf = {}
    for name, value in model.state_dict().items():
        hf[name] = value.t().clone() if name.endswith(pretrained.CONV1D_SUFFIXES) else value.clone()
    for layer in range(model.config.n_layer):
        hf[f'transformer.h.{layer}.attn.bias'] = torch.ones(1, 1, 8, 8).tril()
        hf[f'transformer.h.{layer}.attn.masked_bias'] = torch.tensor(-1e4)
    return hf


@pytest.fixture
def fake_hub(monkeypatch):
    """transformers.GPT2LMHeadModel.from_pretrained('gpt2') -> a 2-layer, 32-wide GPT-2; the reference model."""
    monkeypatch.setitem(pretrained.GPT2_SHAPES, 'gpt2', (2, 2, 32))
    torch.manual_seed(0)
    reference = GPT(pretrained.gpt2_config('gpt2'), log=None)
    served = types.SimpleNamespace(state_dict=lambda: hf_layout(reference))
    fake = types.ModuleType('transformers')
    fake.GPT2LMHeadModel = types.SimpleNamespace(from_pretrained=lambda name: served)
    monkeypatch.setitem(__import__('sys').modules, 'transformers', fake)
    return reference


def test_loads_the_weights_transposing_conv1d(fake_hub):
    lines = []
    model = pretrained.load_gpt2('gpt2', dropout=0.1, log=lines.append)
    assert lines == ['loading weights from pretrained gpt: gpt2', 'forcing vocab_size=50257, block_size=1024, bias=True',
                     'overriding dropout rate to 0.1',
                     f'number of parameters: {sizing.num_params(2, 32, 50257, 1024, bias=True) / 1e6:.2f}M']
    assert (model.config.vocab_size, model.config.block_size, model.config.bias, model.config.dropout) == \
        (50257, 1024, True, 0.1)
    theirs = fake_hub.state_dict()
    assert all(torch.equal(v, theirs[k]) for k, v in model.state_dict().items())
    x = torch.randint(0, 50257, (1, 8))
    fake_hub.eval(), model.eval()
    torch.testing.assert_close(model(x)[0], fake_hub(x)[0])


def test_gpt_from_pretrained_is_the_same_loader(fake_hub):
    model = GPT.from_pretrained('gpt2', dict(dropout=0.0), log=None)
    assert torch.equal(model.lm_head.weight, fake_hub.lm_head.weight)


def test_the_four_sizes_and_nothing_else():
    assert {k: v for k, v in pretrained.GPT2_SHAPES.items()} == {
        'gpt2': (12, 12, 768), 'gpt2-medium': (24, 16, 1024), 'gpt2-large': (36, 20, 1280), 'gpt2-xl': (48, 25, 1600)}
    with pytest.raises(ValueError, match="unknown GPT-2 model 'gpt3'"):
        pretrained.gpt2_config('gpt3')


def test_weights_that_do_not_match_are_refused(fake_hub):
    model = GPT(pretrained.gpt2_config('gpt2'), log=None)
    hf = hf_layout(fake_hub)
    del hf['transformer.ln_f.weight']
    with pytest.raises(ValueError, match=r"missing \['transformer.ln_f.weight'\]"):
        pretrained.copy_hf_weights(model, hf)
    hf = hf_layout(fake_hub)
    hf['transformer.wpe.weight'] = hf['transformer.wpe.weight'][:512]
    with pytest.raises(ValueError, match=r'transformer.wpe.weight: Hugging Face shape \(512, 32\), ours \(1024, 32\)'):
        pretrained.copy_hf_weights(model, hf)
