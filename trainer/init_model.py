"""Model phase: build the GPT from scratch, from a checkpoint or from GPT-2's weights; then its
optimizer, torch.compile and the DDP wrapper.

The console lines and their order are nanoGPT's (train.py L138-210): the vocab
found in meta.pkl, how the model starts, the model's parameter count, the
optimizer's groups, `compiling the model...`. What it adds: a checkpoint that
does not fit (another vocab, other shapes) and token ids beyond the vocab are
one clear error instead of a traceback or silent garbage.
"""
import os
import shutil

import torch
from torch.nn.parallel import DistributedDataParallel

from trainer import checkpoint as ckpt_io
from trainer import hardware
from trainer.batches import max_token
from trainer.model import GPT, GPTConfig
from trainer.session import TrainError

GPT2_PADDED_VOCAB = 50304  # GPT-2's 50,257 tokens rounded up to a multiple of 64
SHAPE_KEYS = ('n_layer', 'n_head', 'n_embd', 'block_size', 'bias', 'vocab_size', 'pos', 'norm', 'mlp')
PRETRAINED_KEYS = ('n_layer', 'n_head', 'n_embd', 'block_size', 'bias', 'vocab_size')


def config_model_args(cfg):
    """GPTConfig fields as the config asks for them; vocab_size is settled by how the model starts."""
    return dict(n_layer=cfg.n_layer, n_head=cfg.n_head, n_embd=cfg.n_embd, block_size=cfg.block_size,
                bias=cfg.bias, vocab_size=None, dropout=cfg.dropout, pos=cfg.pos, norm=cfg.norm, mlp=cfg.mlp)


def _from_scratch(cfg, data, model_args):
    print("Initializing a new model from scratch")
    if cfg.vocab_size is not None:
        model_args['vocab_size'] = cfg.vocab_size
    elif data.meta_vocab_size is not None:
        model_args['vocab_size'] = data.meta_vocab_size
    else:
        print(f"defaulting to vocab_size of GPT-2 to {GPT2_PADDED_VOCAB} (50257 rounded up for efficiency)")
        model_args['vocab_size'] = GPT2_PADDED_VOCAB
    return GPT(GPTConfig(**model_args))


def _from_checkpoint(cfg, data, model_args, saved, ckpt_file):
    """The saved shapes win over the config's; dropout and the rest may change on resume."""
    print(f"Resuming training from {cfg.out_dir}")
    model_args.update({k: v for k, v in saved['model_args'].items() if k in SHAPE_KEYS})
    vocab = model_args['vocab_size']
    for source, wanted in ((data.meta_path, data.meta_vocab_size), ('--vocab_size', cfg.vocab_size)):
        if wanted is not None and wanted != vocab:
            raise TrainError(f"vocab mismatch: {ckpt_file} was trained with vocab_size {vocab} but {source} "
                             f"says {wanted}; resume on the data it was trained on")
    model = GPT(GPTConfig(**model_args))
    try:
        model.load_state_dict(ckpt_io.clean_state_dict(saved['model']))
    except RuntimeError as e:
        raise TrainError(f"{ckpt_file} does not fit the model: {str(e).splitlines()[0]}") from None
    return model


def _from_gpt2(cfg, model_args):
    print(f"Initializing from OpenAI GPT-2 weights: {cfg.init_from}")
    try:
        model = GPT.from_pretrained(cfg.init_from, dict(dropout=cfg.dropout))
    except ImportError:
        raise TrainError(f"init_from={cfg.init_from} needs the `transformers` package "
                         f"(pip install transformers) and network access") from None
    model_args.update({k: getattr(model.config, k) for k in PRETRAINED_KEYS})  # what the checkpoint must say
    return model


def init_model(cfg, rt, data, saved, ckpt_file):
    """(model on rt.device, model_args). `saved` is the checkpoint dict when cfg.init_from is 'resume'."""
    if data.meta_vocab_size is not None:
        print(f"found vocab_size = {data.meta_vocab_size} (inside {data.meta_path})")
    model_args = config_model_args(cfg)
    if cfg.init_from == 'scratch':
        model = _from_scratch(cfg, data, model_args)
    elif cfg.init_from == 'resume':
        model = _from_checkpoint(cfg, data, model_args, saved, ckpt_file)
    else:
        model = _from_gpt2(cfg, model_args)
    if cfg.block_size < model.config.block_size:  # e.g. GPT-2's 1024 positions, fine-tuned on 256
        model.crop_block_size(cfg.block_size)
        model_args['block_size'] = cfg.block_size
    elif cfg.block_size > model.config.block_size:
        raise TrainError(f"block_size {cfg.block_size} is larger than the model's {model.config.block_size}")
    top = max_token(data.directory)
    if top >= model_args['vocab_size']:
        raise TrainError(f"{data.directory} has token id {top} but the model's vocab_size is "
                         f"{model_args['vocab_size']}; prepare the data again or set --vocab_size")
    return model.to(rt.device), model_args


def make_optimizer(cfg, rt, model, saved):
    """(AdamW, GradScaler), with their saved states on resume. nanoGPT's own checkpoints order
    the optimizer's parameters differently; checkpoint.optimizer_state maps them."""
    scaler = hardware.make_grad_scaler(rt.device, rt.dtype)
    optimizer = model.configure_optimizers(cfg.weight_decay, cfg.learning_rate, (cfg.beta1, cfg.beta2),
                                           rt.device_type)
    if saved is not None:
        optimizer.load_state_dict(ckpt_io.optimizer_state(saved, model))
        if saved.get('scaler') and scaler.is_enabled():
            scaler.load_state_dict(saved['scaler'])
    return optimizer, scaler


def _has_cxx_compiler():
    return any(shutil.which(c) for c in (os.environ.get('CXX', 'g++'), 'c++', 'clang++'))


def wrap_model(cfg, rt, model):
    """(model to train, model to evaluate): compiled when cfg.compile; the first wrapped in DDP
    under torchrun. Buffers (rope tables) are constants, so DDP need not broadcast them."""
    if cfg.compile and rt.device_type == 'cpu' and not _has_cxx_compiler():
        print("compile=True needs a C++ compiler on cpu and none was found; running without torch.compile")
    elif cfg.compile:
        print("compiling the model... (takes a ~minute)")
        model = torch.compile(model)
    if not rt.ddp:
        return model, model
    device_ids = [rt.local_rank] if rt.device_type == 'cuda' else None
    return DistributedDataParallel(model, device_ids=device_ids, broadcast_buffers=False), model
