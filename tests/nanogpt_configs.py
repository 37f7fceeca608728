"""Config files in nanoGPT's format, written by the tests that need one (nothing of nanoGPT is vendored).

Each text sets the same keys to the same values, in the same Python forms, as
the file of that name in karpathy/nanoGPT@3adf61e1's config/ folder: plain
assignments, trailing and full-line comments, `5 * 8` arithmetic, and
finetune_shakespeare.py's `import time` with `'ft-' + str(time.time())`.
The comments are ours. `write(folder, name)` puts one on disk.
"""
from pathlib import Path

TRAIN_SHAKESPEARE_CHAR = """\
# a small character-level model of Shakespeare: trains in minutes, good for trying things out

out_dir = 'out-shakespeare-char'
eval_interval = 250 # the model overfits soon, so look often
eval_iters = 200
log_interval = 10 # one line per 10 iterations

# overfitting is expected here: keep only checkpoints whose val loss improved
always_save_checkpoint = False

wandb_log = False # set True on the command line to log to wandb
wandb_project = 'shakespeare-char'
wandb_run_name = 'mini-gpt'

dataset = 'shakespeare_char'
gradient_accumulation_steps = 1
batch_size = 64
block_size = 256 # each sample sees up to 256 characters

# a tiny GPT
n_layer = 6
n_head = 6
n_embd = 384
dropout = 0.2

learning_rate = 1e-3 # small models tolerate a higher rate
max_iters = 5000
lr_decay_iters = 5000 # the decay usually ends with the run
min_lr = 1e-4 # a tenth of learning_rate, as usual
beta2 = 0.99 # few tokens per iteration: average the second moment longer

warmup_iters = 100 # a short warmup is plenty here

# without a GPU, add on the command line:
# --device=cpu --compile=False
"""

TRAIN_GPT2 = """\
# GPT-2 124M on OpenWebText, on one node of 8 A100 40GB GPUs, launched with torchrun
# (8 processes per node, standalone) running train.py with this file

wandb_log = True
wandb_project = 'owt'
wandb_run_name='gpt2-124M'

# about half a million tokens per update:
# 12 sequences x 1024 tokens x 5 accumulation steps x 8 GPUs = 491,520
batch_size = 12
block_size = 1024
gradient_accumulation_steps = 5 * 8

# 600k updates of ~0.5M tokens: some 300B tokens in all
max_iters = 600000
lr_decay_iters = 600000

# evaluation and logging
eval_interval = 1000
eval_iters = 200
log_interval = 10

# weight decay
weight_decay = 1e-1
"""

FINETUNE_SHAKESPEARE = """\
import time

out_dir = 'out-shakespeare'
eval_interval = 5
eval_iters = 40
wandb_log = False # optional
wandb_project = 'shakespeare'
wandb_run_name = 'ft-' + str(time.time())

dataset = 'shakespeare'
init_from = 'gpt2-xl' # OpenAI's 1.5B-parameter GPT-2

# save only when val improves
always_save_checkpoint = False

# tokens per update: 1 sequence x 32 accumulation steps x 1024 tokens = 32,768;
# the corpus has about 300k tokens, so an epoch is some 9 updates
batch_size = 1
gradient_accumulation_steps = 32
max_iters = 20

# a fixed, small learning rate
learning_rate = 3e-5
decay_lr = False
"""

EVAL_GPT2 = """\
# measure OpenAI's GPT-2 124M (12 layers, 12 heads, 768 wide) without training it
batch_size = 8
eval_iters = 500 # more batches, a steadier estimate
eval_only = True
wandb_log = False
init_from = 'gpt2'
"""

FILES = {'train_shakespeare_char.py': TRAIN_SHAKESPEARE_CHAR, 'train_gpt2.py': TRAIN_GPT2,
         'finetune_shakespeare.py': FINETUNE_SHAKESPEARE, 'eval_gpt2.py': EVAL_GPT2}


def write(folder, name):
    """Write config file `name` into `folder` (created if needed); its path as a str."""
    folder = Path(folder)
    folder.mkdir(parents=True, exist_ok=True)
    (folder / name).write_text(FILES[name], encoding='utf-8')
    return str(folder / name)
