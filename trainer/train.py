"""`python -m trainer train [CONFIG.py] [--key=value ...]`: train a GPT the way nanoGPT's train.py does.

Single process:   python -m trainer train --batch_size=32 --compile=False
DDP, 4 GPUs:      torchrun --standalone --nproc_per_node=4 -m trainer train my_config.py
From Python:      trainer.train.run(TrainConfig(...))  ->  exit code

Same behaviour as nanoGPT's train.py (karpathy/nanoGPT@3adf61e1): the same
config keys and defaults, console lines, loop order and numbers. The work is
split into phases, each in its own module:

    setup       runtime.py      device, dtype, DDP process group, seed
    data        batches.py      data checks, vocab, the batch sampler
    model       init_model.py   scratch, resume or GPT-2 weights; optimizer; compile, DDP
    evaluate    evaluate.py     train/val loss every eval_interval, at the top of the iteration
    step        step.py         one optimizer step over the accumulated micro-batches
    log         progress.py     the `iter` line, MFU, metrics.jsonl, wandb
    checkpoint  checkpoint.py   atomic saves with what a bit-exact resume needs

What we add, and why:
- batches are drawn by counter-seeded generators, so a resume redraws exactly
  the batches an uninterrupted run would have drawn, and DDP ranks split one
  process's batch between them (batches.py);
- checkpoints are atomic and carry the RNG states, so a run killed at any point
  resumes bit-identically on CPU;
- train.log (the console, teed) and metrics.jsonl in out_dir;
- bad input is one `error: ...` line and exit 2, and a NaN or inf loss stops
  the run before it can overwrite a good checkpoint.
"""
import sys

from trainer import checkpoint as ckpt_io
from trainer import progress, runtime
from trainer.batches import open_data
from trainer.checkpoint import CheckpointError
from trainer.config import ConfigError, load_config, override_lines, to_dict, validate
from trainer.console import ConsoleTee, print_error
from trainer.data.bins import DataError
from trainer.evaluate import evaluate_and_checkpoint
from trainer.hardware import DeviceError
from trainer.init_model import init_model, make_optimizer, wrap_model
from trainer.session import Counters, Session, TrainError
from trainer.step import NonFiniteGuard, optimizer_step, set_lr

BAD_INPUT = (ConfigError, TrainError, DataError, CheckpointError, DeviceError)


def main(argv=None):
    """The command line: parse CONFIG.py and --key=value overrides, then run(); the exit code."""
    argv = list(sys.argv[1:] if argv is None else argv)
    if any(a in ('-h', '--help', 'help') for a in argv):
        from trainer.train_help import usage
        print(usage())
        return 0
    try:
        cfg, config_lines = load_config(argv)
    except ConfigError as e:
        print_error(str(e))
        return 2
    return run(cfg, config_lines=config_lines)


def run(cfg, console=None, config_lines=None):
    """Train with `cfg` (a TrainConfig); 0 when done, 2 after a bad input, 130 when interrupted.

    console: the stream the console lines go to (default sys.stdout); they go to
    out_dir/train.log as well. config_lines: what to echo first; by default one
    nanoGPT-style `Overriding: key = value` line per setting that differs from
    its default. Relative paths in cfg are relative to the working directory.
    """
    tee = ConsoleTee(sys.stdout if console is None else console)
    saved_stdout, sys.stdout = sys.stdout, tee
    try:
        validate(cfg)
        train(cfg, override_lines(cfg) if config_lines is None else config_lines, tee)
        return 0
    except BAD_INPUT as e:
        sys.stdout.flush()
        print_error(str(e), tee)
        return 2
    except KeyboardInterrupt:
        sys.stdout.flush()
        print_error("interrupted", tee)
        return 130
    finally:
        sys.stdout = saved_stdout
        tee.flush()
        tee.close()
        runtime.stop()


def prepare(cfg, config_lines, console):
    """Setup, data and model phases: a Session ready for the loop. Everything that can reject
    the command runs before out_dir is touched, so a bad command never clobbers a good run."""
    for line in config_lines:
        print(line)
    rt = runtime.start(cfg, console)
    print(f"tokens per iteration will be: {rt.tokens_per_iter:,}")
    data = open_data(cfg, rt)
    ckpt_file = ckpt_io.ckpt_path(cfg.out_dir)
    # loaded onto the CPU: load_state_dict copies each tensor to where its parameter lives
    saved = ckpt_io.load(ckpt_file, map_location='cpu') if cfg.init_from == 'resume' else None
    runtime.seed_and_precision(cfg, rt)
    model, model_args = init_model(cfg, rt, data, saved, ckpt_file)
    s = Session(cfg, rt, data, model, model_args, ckpt_file)
    progress.open_outputs(s, console)
    s.optimizer, s.scaler = make_optimizer(cfg, rt, model, saved)
    if saved is not None:
        s.counters = Counters.from_checkpoint(saved, rt.tokens_per_iter)
    s.train_model, s.eval_model = wrap_model(cfg, rt, model)
    progress.open_metrics(s)
    if cfg.wandb_log and rt.master:
        s.wandb = _start_wandb(cfg)
    if saved is not None:
        _restore_rng(saved.get('rng'), rt)
    return s


def _start_wandb(cfg):
    try:
        import wandb
    except ImportError:
        raise TrainError("wandb_log=True needs the wandb package (pip install wandb)") from None
    wandb.init(project=cfg.wandb_project, name=cfg.wandb_run_name, config=to_dict(cfg))
    return wandb


def _restore_rng(states, rt):
    """The RNG streams as the checkpoint's eval found them, so dropout draws continue exactly."""
    if not states:
        return
    if len(states) != rt.world_size:
        print(f"note: checkpoint has RNG states for {len(states)} processes, this run has "
              f"{rt.world_size}; dropout draws will differ from an uninterrupted run")
        return
    ckpt_io.restore_rng_state(states[rt.rank])


def train(cfg, config_lines, console):
    """All phases, then nanoGPT's loop: iterations 0..max_iters, an eval at the top of every
    eval_interval-th one (before its update)."""
    s = prepare(cfg, config_lines, console)
    c, guard = s.counters, NonFiniteGuard(s)
    x, y = s.data.batches.train(c.iter_num, 0)
    s.clock = progress.Clock()
    while True:
        lr = set_lr(s.optimizer, cfg, c.iter_num)
        if c.iter_num % cfg.eval_interval == 0:
            evaluate_and_checkpoint(s, lr, guard)
        if c.iter_num == 0 and cfg.eval_only:
            break
        x, y, result = optimizer_step(s, x, y)
        seconds = s.clock.lap()
        guard.add(c.iter_num, lr, result.loss_sum)
        progress.log_iteration(s, lr, result, seconds)
        c.iter_num += 1
        c.local_iter_num += 1
        if c.iter_num > cfg.max_iters:
            break
    guard.check()
    if s.metrics is not None:
        s.metrics.close()
    if s.wandb is not None:
        s.wandb.finish()


if __name__ == '__main__':
    raise SystemExit(main())
