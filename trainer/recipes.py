"""Named training settings, as --key=value overrides of TrainConfig's (nanoGPT's) defaults.

- SHAKESPEARE_CHAR: the values nanoGPT's config/train_shakespeare_char.py sets
  (karpathy/nanoGPT@3adf61e1), a 6-layer, 384-wide character model.
- CPU_RECIPE: that config with the overrides of nanoGPT README's CPU run
  (4 layers, 128 wide, block 64, batch 12, 2,000 iterations, no compile).

The benchmarks time these, and the trainer's missing-data hint prints the CPU
recipe as a command that works as typed. No torch here.
"""

SHAKESPEARE_CHAR = dict(
    out_dir='out-shakespeare-char', eval_interval=250, eval_iters=200, log_interval=10,
    always_save_checkpoint=False, wandb_log=False, wandb_project='shakespeare-char', wandb_run_name='mini-gpt',
    dataset='shakespeare_char', gradient_accumulation_steps=1, batch_size=64, block_size=256,
    n_layer=6, n_head=6, n_embd=384, dropout=0.2,
    learning_rate=1e-3, max_iters=5000, lr_decay_iters=5000, min_lr=1e-4, beta2=0.99, warmup_iters=100,
)

README_CPU_OVERRIDES = dict(
    device='cpu', compile=False, eval_iters=20, log_interval=1, block_size=64, batch_size=12,
    n_layer=4, n_head=4, n_embd=128, max_iters=2000, lr_decay_iters=2000, dropout=0.0,
)

CPU_RECIPE = {**SHAKESPEARE_CHAR, **README_CPU_OVERRIDES}


def as_args(settings, keep=None):
    """['--key=value', ...] in the dict's order; `keep` limits them to some keys."""
    return [f'--{key}={value}' for key, value in settings.items() if keep is None or key in keep]


def first_run_command():
    """The two commands that take a fresh checkout to a trained model on a CPU."""
    skip = ('wandb_log', 'wandb_project', 'wandb_run_name')  # their defaults already keep wandb off
    train = ' '.join(as_args({k: v for k, v in CPU_RECIPE.items() if k not in skip}))
    return f"plateau prepare shakespeare_char && plateau train {train}"
