"""The GPT: nanoGPT's architecture and parameter names, with three switches for the gallery.

With the defaults (pos='learned', norm='layernorm', mlp='gelu') this is the model
of nanoGPT's model.py (karpathy/nanoGPT@3adf61e1, L1-330), itself GPT-2:

    idx (B, T) -> wte + wpe -> dropout -> n_layer x Block -> ln_f -> lm_head -> logits (B, T, V)
    Block:  x = x + attn(ln_1(x));  x = x + mlp(ln_2(x))        (normalize before each sublayer)

- attention: one Linear for queries, keys and values (c_attn, C -> 3C), causal
  scaled dot-product attention over n_head heads, an output Linear (c_proj);
- MLP: c_fc (C -> 4C), exact GELU, c_proj (4C -> C);
- lm_head shares its weight matrix with the token embedding wte;
- init: every Linear and Embedding weight N(0, 0.02), biases 0, and the two
  c_proj weights of each block N(0, 0.02 / sqrt(2 * n_layer)) (GPT-2 paper, sec. 2.3);
- parameter names are nanoGPT's (and, transposes aside, Hugging Face's GPT-2's),
  so their checkpoints load here (trainer/checkpoint.py, trainer/pretrained.py).

The switches bring in the parts later models use: rotary position embeddings
instead of wpe, RMSNorm instead of LayerNorm, and a SwiGLU MLP whose width keeps
the parameter count (sizing.swiglu_hidden).
"""
import inspect
import math
from dataclasses import dataclass

import torch
import torch.nn as nn
from torch.nn import functional as F

from trainer import sizing
from trainer.hardware import A100_BF16_PEAK

SWITCHES = {'pos': ('learned', 'rope'), 'norm': ('layernorm', 'rmsnorm'), 'mlp': ('gelu', 'swiglu')}


@dataclass
class GPTConfig:
    """The model's shape. Defaults are GPT-2 124M's (nanoGPT model.py L108-116)."""
    block_size: int = 1024   # longest sequence, in tokens
    vocab_size: int = 50304  # GPT-2's 50,257 tokens rounded up to a multiple of 64: faster matmuls
    n_layer: int = 12
    n_head: int = 12
    n_embd: int = 768        # the residual stream's width C
    dropout: float = 0.0
    bias: bool = True        # biases in every Linear and LayerNorm, as GPT-2 had
    pos: str = 'learned'     # 'learned' (wpe) | 'rope'
    norm: str = 'layernorm'  # 'layernorm' | 'rmsnorm'
    mlp: str = 'gelu'        # 'gelu' | 'swiglu'


class LayerNorm(nn.Module):
    """Layer normalization over the last dimension (eps 1e-5) whose bias can be left out."""

    def __init__(self, ndim, bias):
        super().__init__()
        self.weight = nn.Parameter(torch.ones(ndim))
        self.bias = None
        if bias:
            self.bias = nn.Parameter(torch.zeros(ndim))

    def forward(self, x):
        return F.layer_norm(x, (x.size(-1),), self.weight, self.bias, 1e-5)


class RMSNorm(nn.Module):
    """x / rms(x) * weight: LayerNorm without the mean subtraction and without a bias."""

    def __init__(self, ndim, eps=1e-5):
        super().__init__()
        self.eps = eps
        self.weight = nn.Parameter(torch.ones(ndim))

    def forward(self, x):
        if hasattr(F, 'rms_norm'):  # torch >= 2.4 has a fused kernel
            return F.rms_norm(x, self.weight.shape, self.weight, self.eps)
        return x * torch.rsqrt(x.pow(2).mean(-1, keepdim=True) + self.eps) * self.weight


def make_norm(config):
    return RMSNorm(config.n_embd) if config.norm == 'rmsnorm' else LayerNorm(config.n_embd, bias=config.bias)


def rope_tables(block_size, head_size, base=10000.0):
    """cos and sin tables (block_size, head_size) for rotary embeddings (Su et al. 2021),
    in the 'rotate half' layout of GPT-NeoX and LLaMA."""
    inv_freq = 1.0 / (base ** (torch.arange(0, head_size, 2, dtype=torch.float32) / head_size))
    angles = torch.outer(torch.arange(block_size, dtype=torch.float32), inv_freq)  # (T, hs/2)
    angles = torch.cat((angles, angles), dim=-1)  # (T, hs)
    return angles.cos(), angles.sin()


def apply_rope(x, cos, sin):
    """Rotate each (x_i, x_{i+hs/2}) pair of x (B, nh, T, hs) by the position's angle."""
    half = x.size(-1) // 2
    rotated = torch.cat((-x[..., half:], x[..., :half]), dim=-1)
    return x * cos.to(x.dtype) + rotated * sin.to(x.dtype)


class CausalSelfAttention(nn.Module):
    """Multi-head attention in which position t attends to positions 0..t only.

    x (B, T, C) -> (B, T, C), with n_head heads of size hs = C / n_head. `flash`
    picks torch's fused scaled_dot_product_attention (which chooses a flash or
    memory-efficient kernel itself); False runs the same softmax(q k^T / sqrt(hs)) v
    step by step, for tests and for reading.
    """

    def __init__(self, config):
        super().__init__()
        if config.n_embd % config.n_head:
            raise ValueError(f"n_embd {config.n_embd} is not a multiple of n_head {config.n_head}")
        width = config.n_embd
        self.c_attn = nn.Linear(width, 3 * width, bias=config.bias)  # q, k and v side by side
        self.c_proj = nn.Linear(width, width, bias=config.bias)
        self.attn_dropout = nn.Dropout(config.dropout)
        self.resid_dropout = nn.Dropout(config.dropout)
        self.n_head, self.n_embd, self.dropout = config.n_head, width, config.dropout
        self.head_size = width // config.n_head
        self.flash = hasattr(F, 'scaled_dot_product_attention')

    def _heads(self, t):
        """(B, T, C) -> (B, nh, T, hs): each head becomes a batch entry of its own."""
        batch, steps, _ = t.shape
        return t.view(batch, steps, self.n_head, self.head_size).transpose(1, 2)

    def _explicit_attention(self, q, k, v):
        steps = q.size(-2)
        scores = (q @ k.transpose(-2, -1)) * (1.0 / math.sqrt(k.size(-1)))  # (B, nh, T, T)
        future = ~torch.ones(steps, steps, dtype=torch.bool, device=q.device).tril()
        weights = self.attn_dropout(F.softmax(scores.masked_fill(future, float('-inf')), dim=-1))
        return weights @ v  # (B, nh, T, hs)

    def forward(self, x, rope=None):
        batch, steps, width = x.shape
        q, k, v = (self._heads(t) for t in self.c_attn(x).split(width, dim=2))
        if rope is not None:
            q, k = apply_rope(q, *rope), apply_rope(k, *rope)
        if self.flash:
            p_drop = self.dropout if self.training else 0  # no dropout at eval (nanoGPT PR #240)
            y = F.scaled_dot_product_attention(q, k, v, attn_mask=None, dropout_p=p_drop, is_causal=True)
        else:
            y = self._explicit_attention(q, k, v)
        y = y.transpose(1, 2).contiguous().view(batch, steps, width)  # heads back into one row
        return self.resid_dropout(self.c_proj(y))


class MLP(nn.Module):
    """GELU: C -> 4C -> C. SwiGLU: c_fc makes gate and value (2H wide), silu(gate) * value -> C."""

    def __init__(self, config):
        super().__init__()
        self.swiglu = config.mlp == 'swiglu'
        hidden = sizing.swiglu_hidden(config.n_embd) if self.swiglu else 4 * config.n_embd
        self.c_fc = nn.Linear(config.n_embd, 2 * hidden if self.swiglu else hidden, bias=config.bias)
        self.gelu = nn.GELU()
        self.c_proj = nn.Linear(hidden, config.n_embd, bias=config.bias)
        self.dropout = nn.Dropout(config.dropout)

    def forward(self, x):
        x = self.c_fc(x)
        if self.swiglu:
            gate, value = x.chunk(2, dim=-1)
            x = F.silu(gate) * value
        else:
            x = self.gelu(x)
        return self.dropout(self.c_proj(x))


class Block(nn.Module):
    """One transformer layer: attention, then the MLP, each on a normalized copy of x added back."""

    def __init__(self, config):
        super().__init__()
        self.ln_1 = make_norm(config)
        self.attn = CausalSelfAttention(config)
        self.ln_2 = make_norm(config)
        self.mlp = MLP(config)

    def forward(self, x, rope=None):
        x = x + self.attn(self.ln_1(x), rope)
        return x + self.mlp(self.ln_2(x))


class GPT(nn.Module):
    """The language model. `log` receives the lines nanoGPT prints (None: silent)."""

    def __init__(self, config, log=print):
        super().__init__()
        for key, allowed in SWITCHES.items():
            if getattr(config, key) not in allowed:
                raise ValueError(f"GPTConfig.{key} must be one of {allowed}; got {getattr(config, key)!r}")
        self.config = config
        self.log = log or (lambda *args: None)
        width = config.n_embd
        self.transformer = nn.ModuleDict(dict(
            wte=nn.Embedding(config.vocab_size, width),
            drop=nn.Dropout(config.dropout),
            h=nn.ModuleList([Block(config) for _ in range(config.n_layer)]),
            ln_f=make_norm(config),
        ))
        # wpe is registered after ln_f (nanoGPT: after wte). That order fixes the init's random
        # draws and the optimizer's parameter order; checkpoint.py maps nanoGPT's onto it.
        if config.pos == 'learned':
            self.transformer.wpe = nn.Embedding(config.block_size, width)
        else:
            cos, sin = rope_tables(config.block_size, width // config.n_head)
            self.register_buffer('rope_cos', cos, persistent=False)
            self.register_buffer('rope_sin', sin, persistent=False)
        self.lm_head = nn.Linear(width, config.vocab_size, bias=False)
        # one matrix for both ends: the input embedding and the output projection (weight tying,
        # Press & Wolf 2017); torch.compile may warn about it, harmlessly
        self.transformer.wte.weight = self.lm_head.weight
        self.apply(self._init_weights)
        residual_std = 0.02 / math.sqrt(2 * config.n_layer)  # each block adds two projections to x
        for name, param in self.named_parameters():
            if name.endswith('c_proj.weight'):
                torch.nn.init.normal_(param, mean=0.0, std=residual_std)
        self.log(f"number of parameters: {self.get_num_params() / 1e6:.2f}M")

    @staticmethod
    def _init_weights(module):
        if isinstance(module, (nn.Linear, nn.Embedding)):
            torch.nn.init.normal_(module.weight, mean=0.0, std=0.02)
        if isinstance(module, nn.Linear) and module.bias is not None:
            torch.nn.init.zeros_(module.bias)

    def get_num_params(self, non_embedding=True):
        """Number of parameters, the shared wte/lm_head matrix counted once. With non_embedding,
        wpe is left out (nanoGPT's convention, and the N of its FLOP count); wte stays in, since
        it also does the work of the output layer."""
        count = sum(p.numel() for p in self.parameters())
        if non_embedding and 'wpe' in self.transformer:
            count -= self.transformer.wpe.weight.numel()
        return count

    def forward(self, idx, targets=None):
        """idx: (B, T) int64 token ids, T <= block_size. targets: (B, T) int64, -1 = ignored, or None.

        Returns (logits, loss). With targets: logits (B, T, V) and loss, a 0-dim tensor, the
        cross-entropy averaged over the B*T positions (those with target -1 left out). Without:
        logits (B, 1, V) for the last position only (all that sampling needs), and None.
        """
        steps = idx.size(1)
        if steps > self.config.block_size:
            raise ValueError(f"idx has {steps} positions but the model's block size is only {self.config.block_size}")
        x = self.transformer.wte(idx)  # (B, T, C)
        rope = None
        if self.config.pos == 'learned':
            x = x + self.transformer.wpe(torch.arange(0, steps, dtype=torch.long, device=idx.device))
        else:
            rope = (self.rope_cos[:steps], self.rope_sin[:steps])
        x = self.transformer.drop(x)
        for block in self.transformer.h:
            x = block(x, rope)
        x = self.transformer.ln_f(x)
        if targets is None:
            return self.lm_head(x[:, [-1], :]), None  # the list index keeps the T axis
        logits = self.lm_head(x)
        return logits, F.cross_entropy(logits.flatten(0, 1), targets.flatten(), ignore_index=-1)

    def crop_block_size(self, block_size):
        """Shorten the context to block_size: keep the first rows of wpe (or of the rope tables).
        Used when a pretrained 1024-token GPT-2 is fine-tuned with a shorter block."""
        if block_size > self.config.block_size:
            raise ValueError(f"cannot grow block_size from {self.config.block_size} to {block_size}")
        self.config.block_size = block_size
        if 'wpe' in self.transformer:
            wpe = self.transformer.wpe
            wpe.weight = nn.Parameter(wpe.weight[:block_size])
        else:
            self.rope_cos, self.rope_sin = self.rope_cos[:block_size], self.rope_sin[:block_size]

    @classmethod
    def from_pretrained(cls, model_type, override_args=None, log=print):
        """OpenAI's GPT-2 weights through Hugging Face transformers; see trainer/pretrained.py."""
        from trainer.pretrained import load_gpt2
        return load_gpt2(model_type, (override_args or {}).get('dropout'), log=log)

    def configure_optimizers(self, weight_decay, learning_rate, betas, device_type='cpu'):
        """AdamW, fused on CUDA when this torch has it. Every parameter with two or more
        dimensions (the matrices and embeddings) gets weight_decay; biases and norm gains
        get none. Logs the two groups' sizes and the fused flag in nanoGPT's words."""
        trainable = [p for _, p in self.named_parameters() if p.requires_grad]
        matrices = [p for p in trainable if p.dim() >= 2]
        vectors = [p for p in trainable if p.dim() < 2]
        for label, group in (('decayed', matrices), ('non-decayed', vectors)):
            self.log(f"num {label} parameter tensors: {len(group)}, with {sum(p.numel() for p in group):,} parameters")
        fused = device_type == 'cuda' and 'fused' in inspect.signature(torch.optim.AdamW).parameters
        groups = [{'params': matrices, 'weight_decay': weight_decay}, {'params': vectors, 'weight_decay': 0.0}]
        optimizer = torch.optim.AdamW(groups, lr=learning_rate, betas=betas, **({'fused': True} if fused else {}))
        self.log(f"using fused AdamW: {fused}")
        return optimizer

    def flops_per_iter(self, fwdbwd_per_iter):
        """FLOPs of one optimizer step of fwdbwd_per_iter sequences of block_size tokens, counted as
        nanoGPT's estimate_mfu does (PaLM, arXiv:2204.02311, Appendix B); see sizing.flops_per_token."""
        cfg = self.config
        return sizing.flops_per_iter(self.get_num_params(), cfg.n_layer, cfg.n_head, cfg.n_embd,
                                     cfg.block_size, fwdbwd_per_iter)

    def estimate_mfu(self, fwdbwd_per_iter, dt, peak_flops=A100_BF16_PEAK):
        """Model FLOPs utilization, a fraction of peak_flops (FLOP/s): flops_per_iter / dt / peak.

        dt is the iteration's wall time in seconds. The default peak is nanoGPT's fixed
        312e12, the A100's dense bf16 rate, whatever the device (model.py L289-303).
        """
        return sizing.mfu(self.flops_per_iter(fwdbwd_per_iter), dt, peak_flops)

    @torch.no_grad()
    def generate(self, idx, max_new_tokens, *, temperature=1.0, top_k=None):
        """Extend idx (B, T0) int64 by max_new_tokens sampled tokens; returns (B, T0 + max_new_tokens).

        Each step looks at the last block_size tokens at most, divides the last position's
        logits by temperature and, with top_k, keeps only the k largest before sampling.
        Dropout is on in train mode: call model.eval() first.
        """
        for _ in range(max_new_tokens):
            logits, _ = self(idx[:, -self.config.block_size:])
            logits = logits[:, -1, :] / temperature
            if top_k is not None:
                kth_largest = torch.topk(logits, min(top_k, logits.size(-1))).values[:, -1:]
                logits = logits.masked_fill(logits < kth_largest, float('-inf'))
            choice = torch.multinomial(F.softmax(logits, dim=-1), num_samples=1)
            idx = torch.cat((idx, choice), dim=1)
        return idx
