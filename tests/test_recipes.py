"""trainer/recipes.py: the named settings, as overrides that our config parser accepts."""
from trainer import recipes
from trainer.config import load_config


def test_cpu_recipe_is_the_shakespeare_char_config_with_the_readme_overrides():
    cfg, _ = load_config(recipes.as_args(recipes.CPU_RECIPE))
    assert (cfg.dataset, cfg.device, cfg.compile, cfg.n_layer, cfg.n_head, cfg.n_embd) == \
        ('shakespeare_char', 'cpu', False, 4, 4, 128)
    assert (cfg.block_size, cfg.batch_size, cfg.max_iters, cfg.lr_decay_iters, cfg.dropout) == (64, 12, 2000, 2000, 0.0)
    assert (cfg.learning_rate, cfg.min_lr, cfg.beta2, cfg.warmup_iters) == (1e-3, 1e-4, 0.99, 100)  # from the config


def test_as_args_keeps_the_order_and_filters():
    assert recipes.as_args({'a': 1, 'b': 'x', 'c': False}, keep=('c', 'a')) == ['--a=1', '--c=False']


def test_first_run_command_prepares_then_trains():
    command = recipes.first_run_command()
    assert command.startswith('plateau prepare shakespeare_char && plateau train --out_dir=out-shakespeare-char ')
    assert 'wandb' not in command and '--dataset=shakespeare_char' in command
