"""trainer/init_model.py, the model phase: scratch, resume or GPT-2; the vocab; optimizer; compile and DDP."""
import os
import sys
from pathlib import Path

import numpy as np
import pytest
import torch

from trainer import init_model
from trainer.batches import open_data
from trainer.config import TrainConfig
from trainer.runtime import start
from trainer.session import TrainError

sys.path.insert(0, str(Path(__file__).resolve().parent))
from tiny_runs import TINY_MODEL, prepared, tiny_config, write_char_data  # noqa: E402


@pytest.fixture
def data(tmp_path):
    return write_char_data(tmp_path / 'data')


def phase(cfg, saved=None, capsys=None):
    """(model, model_args, printed lines) of the model phase alone."""
    rt = start(cfg, console=None)
    model, args = init_model.init_model(cfg, rt, open_data(cfg, rt), saved, 'ckpt.pt')
    return model, args, capsys.readouterr().out.splitlines() if capsys else None


def test_scratch_takes_the_vocab_from_meta_pkl(data, tmp_path, capsys):
    model, args, lines = phase(tiny_config(data, tmp_path / 'out'), capsys=capsys)
    assert lines == [f"found vocab_size = 28 (inside {os.path.join(data, 'meta.pkl')})",
                     "Initializing a new model from scratch", "number of parameters: 0.03M"]
    assert args == dict(n_layer=2, n_head=2, n_embd=32, block_size=16, bias=False, vocab_size=28, dropout=0.0,
                        pos='learned', norm='layernorm', mlp='gelu')
    assert model.lm_head.weight.shape == (28, 32)


def test_scratch_without_meta_pkl_takes_gpt2s_padded_vocab(data, tmp_path, capsys):
    os.remove(os.path.join(data, 'meta.pkl'))
    _, args, lines = phase(tiny_config(data, tmp_path / 'out'), capsys=capsys)
    assert lines[:2] == ["Initializing a new model from scratch",
                         "defaulting to vocab_size of GPT-2 to 50304 (50257 rounded up for efficiency)"]
    assert args['vocab_size'] == 50304
    _, args, lines = phase(tiny_config(data, tmp_path / 'out', vocab_size=100), capsys=capsys)
    assert args['vocab_size'] == 100 and not any('defaulting' in line for line in lines)


def test_token_ids_beyond_the_vocab_are_refused(data, tmp_path):
    with pytest.raises(TrainError, match=r'has token id 27 but the model.s vocab_size is 20'):
        phase(tiny_config(data, tmp_path / 'out', vocab_size=20))


def test_resume_takes_the_saved_shapes_and_weights(data, tmp_path, capsys):
    model, args, _ = phase(tiny_config(data, tmp_path / 'out', n_layer=3))
    saved = {'model_args': args, 'model': {'_orig_mod.' + k: v for k, v in model.state_dict().items()}}
    cfg = tiny_config(data, tmp_path / 'out', init_from='resume', dropout=0.1)  # n_layer back to 2 here
    capsys.readouterr()
    resumed, resumed_args, lines = phase(cfg, saved, capsys)
    assert lines[1] == f"Resuming training from {tmp_path / 'out'}"
    assert resumed_args['n_layer'] == 3 and resumed_args['dropout'] == 0.1  # shapes saved, dropout chosen
    assert all(torch.equal(a, b) for a, b in zip(model.state_dict().values(), resumed.state_dict().values()))


def test_resume_on_other_data_is_a_vocab_mismatch(data, tmp_path):
    _, args, _ = phase(tiny_config(data, tmp_path / 'out'))
    cfg = tiny_config(data, tmp_path / 'out', init_from='resume', vocab_size=40)
    with pytest.raises(TrainError, match='vocab mismatch: ckpt.pt was trained with vocab_size 28 but '
                                         '--vocab_size says 40'):
        phase(cfg, {'model_args': args, 'model': {}})


def test_a_checkpoint_of_another_shape_does_not_fit(data, tmp_path):
    _, args, _ = phase(tiny_config(data, tmp_path / 'out'))
    with pytest.raises(TrainError, match='ckpt.pt does not fit the model'):
        phase(tiny_config(data, tmp_path / 'out', init_from='resume'), {'model_args': args, 'model': {}})


def test_gpt2_without_transformers_says_what_to_install(data, tmp_path, monkeypatch):
    monkeypatch.setitem(sys.modules, 'transformers', None)  # as if not installed
    with pytest.raises(TrainError, match=r'init_from=gpt2 needs the `transformers` package'):
        phase(tiny_config(data, tmp_path / 'out', init_from='gpt2'))


def test_a_block_longer_than_the_models_is_refused(data, tmp_path):
    _, args, _ = phase(tiny_config(data, tmp_path / 'out', block_size=8))
    model, _, _ = phase(tiny_config(data, tmp_path / 'out', block_size=8))
    saved = {'model_args': args, 'model': model.state_dict()}
    with pytest.raises(TrainError, match="block_size 16 is larger than the model's 8"):
        phase(tiny_config(data, tmp_path / 'out', init_from='resume', block_size=16), saved)


def test_optimizer_and_wrappers(data, tmp_path, monkeypatch, capsys):
    with prepared(tiny_config(data, tmp_path / 'out')) as (s, console):
        assert s.train_model is s.eval_model is s.model  # no compile, no DDP: the model itself
        assert [g['weight_decay'] for g in s.optimizer.param_groups] == [0.1, 0.0]
        assert not s.scaler.is_enabled()  # float32
        assert console.getvalue().splitlines()[-1] == 'using fused AdamW: False'
    # compile on a CPU without a C++ compiler: said, and skipped
    monkeypatch.setattr(init_model, '_has_cxx_compiler', lambda: False)
    trained, evaluated = init_model.wrap_model(TrainConfig(**{**TINY_MODEL, 'compile': True}), s.rt, s.model)
    assert trained is evaluated is s.model
    assert capsys.readouterr().out == ("compile=True needs a C++ compiler on cpu and none was found; "
                                       "running without torch.compile\n")


def test_optimizer_state_comes_back_on_resume(data, tmp_path):
    cfg = tiny_config(data, tmp_path / 'out')
    with prepared(cfg) as (s, _):
        s.model(*s.data.batches.train(0, 0))[1].backward()
        s.optimizer.step()
        saved = {'format': 'plateau-ckpt-1', 'optimizer': s.optimizer.state_dict(), 'scaler': {}}
        optimizer, _ = init_model.make_optimizer(cfg, s.rt, s.model, saved)
        a, b = s.optimizer.state_dict()['state'], optimizer.state_dict()['state']
        assert a.keys() == b.keys() and all(np.array_equal(a[i]['exp_avg'], b[i]['exp_avg']) for i in a)
