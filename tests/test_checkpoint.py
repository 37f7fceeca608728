"""trainer/checkpoint.py: atomic saves, weights_only loads, prefix stripping, RNG round trips."""
import os
import random

import numpy as np
import pytest
import torch

from trainer import checkpoint as ckpt_io


def _payload(value):
    return {'model': {'w': torch.full((3,), float(value))}, 'model_args': {'n_layer': 1}, 'iter_num': value}


def test_save_then_load_round_trips_with_weights_only(tmp_path):
    path = tmp_path / 'ckpt.pt'
    ckpt_io.save(_payload(7), str(path))
    back = ckpt_io.load(str(path))
    assert back['iter_num'] == 7 and torch.equal(back['model']['w'], torch.full((3,), 7.0))
    assert os.listdir(tmp_path) == ['ckpt.pt']  # no temp file left behind


def test_a_failed_save_leaves_the_old_checkpoint_intact(tmp_path, monkeypatch):
    path = tmp_path / 'ckpt.pt'
    ckpt_io.save(_payload(1), str(path))
    before = path.read_bytes()

    def crash(*args, **kwargs):  # as if the process died between writing and renaming
        raise OSError("simulated crash before rename")

    monkeypatch.setattr(ckpt_io.os, 'replace', crash)
    with pytest.raises(OSError):
        ckpt_io.save(_payload(2), str(path))
    monkeypatch.undo()
    assert path.read_bytes() == before
    assert ckpt_io.load(str(path))['iter_num'] == 1
    assert os.listdir(tmp_path) == ['ckpt.pt']


def test_a_save_killed_mid_write_leaves_the_old_checkpoint_intact(tmp_path, monkeypatch):
    path = tmp_path / 'ckpt.pt'
    ckpt_io.save(_payload(1), str(path))
    real_save = torch.save

    def torn_save(obj, f):  # half the bytes, then the "kill"
        real_save(obj, f)
        f.truncate(f.tell() // 2)
        raise KeyboardInterrupt

    monkeypatch.setattr(ckpt_io.torch, 'save', torn_save)
    with pytest.raises(KeyboardInterrupt):
        ckpt_io.save(_payload(2), str(path))
    monkeypatch.undo()
    assert ckpt_io.load(str(path))['iter_num'] == 1
    assert os.listdir(tmp_path) == ['ckpt.pt']


def test_load_errors_are_checkpoint_errors(tmp_path):
    with pytest.raises(ckpt_io.CheckpointError, match='does not exist'):
        ckpt_io.load(str(tmp_path / 'missing.pt'))
    bad = tmp_path / 'bad.pt'
    bad.write_bytes(b'not a checkpoint')
    with pytest.raises(ckpt_io.CheckpointError, match='cannot read'):
        ckpt_io.load(str(bad))
    other = tmp_path / 'other.pt'
    torch.save({'weights': torch.zeros(1)}, str(other))
    with pytest.raises(ckpt_io.CheckpointError, match='not a nanoGPT'):
        ckpt_io.load(str(other))


def test_load_refuses_pickled_objects(tmp_path):
    # weights_only=True: a checkpoint carrying an arbitrary object must not be unpickled
    evil = tmp_path / 'evil.pt'
    torch.save({'model': {}, 'model_args': {}, 'x': np.random.default_rng(0)}, str(evil))
    with pytest.raises(ckpt_io.CheckpointError):
        ckpt_io.load(str(evil))


def test_clean_state_dict_strips_compile_and_ddp_prefixes():
    sd = {'_orig_mod.a.weight': 1, 'module._orig_mod.b': 2, 'module.c': 3, 'd': 4}
    assert ckpt_io.clean_state_dict(sd) == {'a.weight': 1, 'b': 2, 'c': 3, 'd': 4}


def test_rng_state_survives_a_weights_only_round_trip(tmp_path):
    torch.manual_seed(3)
    np.random.seed(4)
    random.seed(5)
    torch.rand(2), np.random.rand(2), random.random()  # move the streams off their seeds
    state = ckpt_io.capture_rng_state()
    expected = (torch.rand(4), np.random.rand(4), [random.random() for _ in range(4)])

    path = tmp_path / 'ckpt.pt'
    ckpt_io.save({'model': {}, 'model_args': {}, 'rng': [state]}, str(path))
    torch.manual_seed(0), np.random.seed(0), random.seed(0)  # scramble everything
    ckpt_io.restore_rng_state(ckpt_io.load(str(path))['rng'][0])
    got = (torch.rand(4), np.random.rand(4), [random.random() for _ in range(4)])
    assert torch.equal(got[0], expected[0])
    assert np.array_equal(got[1], expected[1])
    assert got[2] == expected[2]


def test_clean_state_dict_drops_nanogpts_causal_masks():
    # nanoGPT saved `attn.bias` mask buffers when torch had no fused attention; we build the mask instead
    sd = {'transformer.h.0.attn.bias': torch.ones(1, 1, 4, 4), 'transformer.h.0.attn.c_attn.bias': torch.zeros(3)}
    assert list(ckpt_io.clean_state_dict(sd)) == ['transformer.h.0.attn.c_attn.bias']


def test_optimizer_state_maps_nanogpts_parameter_order_onto_ours():
    from trainer.model import GPT, GPTConfig
    torch.manual_seed(0)
    model = GPT(GPTConfig(block_size=8, vocab_size=11, n_layer=2, n_head=2, n_embd=16, bias=True), log=None)
    named = dict(model.named_parameters())
    # nanoGPT registers wpe right after wte, so its AdamW numbers the parameters in this order
    nanogpt_order = sorted(named, key=lambda n: (0 if 'wte' in n else 1 if 'wpe' in n else 2))
    decay = [named[n] for n in nanogpt_order if named[n].dim() >= 2]
    nodecay = [named[n] for n in nanogpt_order if named[n].dim() < 2]
    theirs = torch.optim.AdamW([{'params': decay, 'weight_decay': 0.1}, {'params': nodecay, 'weight_decay': 0.0}])
    model(torch.zeros(1, 8, dtype=torch.long), torch.zeros(1, 8, dtype=torch.long))[1].backward()
    theirs.step()
    mapped = ckpt_io.optimizer_state({'optimizer': theirs.state_dict()}, model)
    ours = model.configure_optimizers(0.1, 1e-3, (0.9, 0.95))
    ours.load_state_dict(mapped)
    for group in ours.param_groups:
        for p in group['params']:
            assert torch.equal(ours.state[p]['exp_avg'], theirs.state[p]['exp_avg'])  # each moment on its parameter
    # our own checkpoints are in our order already
    own = {'format': ckpt_io.FORMAT, 'optimizer': ours.state_dict()}
    assert ckpt_io.optimizer_state(own, model) is own['optimizer']
