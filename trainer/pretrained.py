"""`init_from=gpt2*`: OpenAI's GPT-2 weights, read from Hugging Face transformers into our GPT.

Hugging Face's GPT2LMHeadModel uses the same parameter names as nanoGPT (and
so as trainer/model.py), but stores four of each block's matrices the other way
round: its Conv1D layers keep (in, out) where nn.Linear keeps (out, in). Those
four are transposed on the way in; everything else is copied as is. The shapes
and the forced settings are nanoGPT's (model.py L206-261): vocab 50,257,
block 1024 and biases everywhere, whatever the config says; only dropout may
be chosen.

Needs the `transformers` package and the network (or its cache) to fetch the weights.
"""
import torch

from trainer.model import GPT, GPTConfig

# (n_layer, n_head, n_embd) of OpenAI's four sizes: 124M, 350M, 774M and 1558M parameters
GPT2_SHAPES = {
    'gpt2': (12, 12, 768),
    'gpt2-medium': (24, 16, 1024),
    'gpt2-large': (36, 20, 1280),
    'gpt2-xl': (48, 25, 1600),
}
GPT2_VOCAB, GPT2_BLOCK = 50257, 1024
CONV1D_SUFFIXES = ('attn.c_attn.weight', 'attn.c_proj.weight', 'mlp.c_fc.weight', 'mlp.c_proj.weight')
HF_BUFFERS = ('.attn.bias', '.attn.masked_bias')  # causal masks older transformers save; not weights


def gpt2_config(model_type, dropout=None):
    """GPTConfig of a GPT-2 size; ValueError for a name that is not one."""
    if model_type not in GPT2_SHAPES:
        raise ValueError(f"unknown GPT-2 model {model_type!r}; expected one of {', '.join(GPT2_SHAPES)}")
    n_layer, n_head, n_embd = GPT2_SHAPES[model_type]
    config = GPTConfig(n_layer=n_layer, n_head=n_head, n_embd=n_embd, vocab_size=GPT2_VOCAB,
                       block_size=GPT2_BLOCK, bias=True)
    if dropout is not None:
        config.dropout = dropout
    return config


def copy_hf_weights(model, hf_state):
    """Copy a GPT2LMHeadModel state dict into `model` in place, transposing the Conv1D matrices.

    ValueError when the two do not hold the same weights under the same names and shapes.
    """
    ours = model.state_dict()
    theirs = {k: v for k, v in hf_state.items() if not k.endswith(HF_BUFFERS)}
    if set(theirs) != set(ours):
        missing, extra = sorted(set(ours) - set(theirs)), sorted(set(theirs) - set(ours))
        raise ValueError(f"the Hugging Face weights do not match the model: missing {missing[:3]}, "
                         f"unexpected {extra[:3]}")
    with torch.no_grad():
        for name, value in theirs.items():
            if name.endswith(CONV1D_SUFFIXES):
                value = value.t()
            if value.shape != ours[name].shape:
                raise ValueError(f"{name}: Hugging Face shape {tuple(value.shape)}, ours {tuple(ours[name].shape)}")
            ours[name].copy_(value)


def load_gpt2(model_type, dropout=None, log=print):
    """A GPT holding OpenAI's weights for model_type ('gpt2', 'gpt2-medium', 'gpt2-large', 'gpt2-xl').

    Logs nanoGPT's three lines (loading, forcing, the dropout override) plus the
    model's parameter count. ImportError when transformers is not installed.
    """
    config = gpt2_config(model_type, dropout)
    from transformers import GPT2LMHeadModel
    log = log or (lambda *args: None)
    log(f"loading weights from pretrained gpt: {model_type}")
    log(f"forcing vocab_size={GPT2_VOCAB}, block_size={GPT2_BLOCK}, bias=True")
    if dropout is not None:
        log(f"overriding dropout rate to {dropout}")
    model = GPT(config, log=log)
    copy_hf_weights(model, GPT2LMHeadModel.from_pretrained(model_type).state_dict())
    return model
