"""`python -m trainer train [CONFIG.py] [--key=value ...]`: nanoGPT's train.py, kept faithful.

Single process:   python -m trainer train --batch_size=32 --compile=False
DDP, 4 GPUs:      torchrun --standalone --nproc_per_node=4 -m trainer train config/train_gpt2.py

The loop is nanoGPT's, statement for statement: the eval block at the top of
the iteration (so an eval iteration's `time` includes the eval), the micro-step
loop with the next batch prefetched right after the forward, the printed loss
being the last micro-step's loss times the accumulation, and the MFU EMA that
starts at local iteration 5. Every console line is byte-compatible.

What we add, and why:
- Batches come from counter-seeded generators instead of torch's global RNG:
  the batch of (iteration, micro-step) is a pure function of the seed, so a
  resume redraws exactly the batches an uninterrupted run would have drawn, and
  the ranks of a DDP run draw disjoint slices of the very batch one process
  with all the accumulation steps would draw (see Batches).
- Checkpoints are atomic and carry the RNG states, the GradScaler and the
  counters, so a run killed at any point resumes bit-identically on CPU.
- train.log (the console, teed) and metrics.jsonl (machine-readable) in out_dir.
- Bad input is one `error: ...` line and exit code 2, never a traceback, and a
  NaN/inf loss stops the run before it can overwrite a good checkpoint.
"""
import math
import os
import shutil
import sys
import time

import torch
import torch.distributed as dist
from torch.nn.parallel import DistributedDataParallel as DDP

from trainer import checkpoint as ckpt_io
from trainer import hardware, sizing
from trainer.batches import Batches, check_data, max_token
from trainer.checkpoint import CheckpointError
from trainer.config import ConfigError, load_config, to_dict
from trainer.data.bins import DataError, read_meta
from trainer.hardware import DeviceError
from trainer.metrics import LOG_NAME, METRICS_NAME, Console, MetricsWriter, print_error
from trainer.model import GPT, GPTConfig


class TrainError(RuntimeError):
    """Bad data, a checkpoint that does not fit, a diverged run: one `error: ...` line, exit 2."""


def main(argv=None):
    argv = list(sys.argv[1:] if argv is None else argv)
    if any(a in ('-h', '--help', 'help') for a in argv):
        from trainer.train_help import usage
        print(usage())
        return 0
    console = Console(sys.stdout)
    saved_stdout, sys.stdout = sys.stdout, console
    try:
        cfg, config_lines = load_config(argv)
        return train(cfg, config_lines, console)
    except (ConfigError, TrainError, DataError, CheckpointError, DeviceError) as e:
        sys.stdout.flush()
        print_error(str(e), console)
        return 2
    except KeyboardInterrupt:
        sys.stdout.flush()
        print_error("interrupted", console)
        return 130
    finally:
        sys.stdout = saved_stdout
        console.flush()
        console.close()
        if dist.is_available() and dist.is_initialized():
            dist.destroy_process_group()


def _nonfinite_error(what, iter_num, lr, dtype, vocab_size, ckpt_file):
    saved = f"the last good checkpoint {ckpt_file} is untouched" if os.path.exists(ckpt_file) else "no checkpoint was written"
    return TrainError(f"{what} at iter {iter_num}; stopped ({saved}). Likely causes: learning rate too high "
                      f"(lr was {lr:.3g}), float16 overflow (dtype is {dtype}; bfloat16 has float32's range), "
                      f"or bad data (token ids must be < vocab_size {vocab_size})")


def total_grad_norm(parameters):
    """The L2 norm clip_grad_norm_ would return, without touching the gradients."""
    grads = [p.grad for p in parameters if p.grad is not None]
    if hasattr(torch.nn.utils, 'get_total_norm'):  # torch >= 2.6
        return torch.nn.utils.get_total_norm(grads)
    return torch.linalg.vector_norm(torch.stack([torch.linalg.vector_norm(g) for g in grads]))


def train(cfg, config_lines, console):
    """nanoGPT's train.py from the configurator on; returns the exit code."""
    for line in config_lines:
        print(line)

    # various inits, derived attributes, I/O setup
    ddp = int(os.environ.get('RANK', -1)) != -1  # is this a ddp run?
    gradient_accumulation_steps = cfg.gradient_accumulation_steps
    if ddp:
        ddp_rank = int(os.environ['RANK'])
        ddp_local_rank = int(os.environ['LOCAL_RANK'])
        ddp_world_size = int(os.environ['WORLD_SIZE'])
        use_cuda = cfg.device in ('auto', 'cuda') or cfg.device.startswith('cuda')
        if use_cuda and torch.cuda.is_available():
            device = f'cuda:{ddp_local_rank}'
            torch.cuda.set_device(device)
            backend = cfg.backend
        else:
            if cfg.device not in ('auto', 'cpu'):
                raise TrainError(f"DDP needs device cuda or cpu, got '{cfg.device}'")
            device, backend = 'cpu', 'gloo'  # nccl is CUDA-only; gloo runs DDP on CPU processes
        dist.init_process_group(backend=backend)
        master_process = ddp_rank == 0  # this process will do logging, checkpointing etc.
        seed_offset = ddp_rank  # each process gets a different seed
        # world_size number of processes will be training simultaneously, so we can scale
        # down the desired gradient accumulation iterations per process proportionally
        if gradient_accumulation_steps % ddp_world_size:
            raise ConfigError(f"gradient_accumulation_steps ({gradient_accumulation_steps}) must be divisible "
                              f"by the number of processes ({ddp_world_size})")
        gradient_accumulation_steps //= ddp_world_size
        console.keep_log = master_process
        if not master_process:
            console.pending = []
    else:
        # if not ddp, we are running on a single gpu, and one process
        master_process = True
        seed_offset = 0
        ddp_rank, ddp_world_size = 0, 1
        device = hardware.pick_device(cfg.device)
    dtype = hardware.pick_dtype(device, cfg.dtype)
    tokens_per_iter = sizing.tokens_per_iter(gradient_accumulation_steps, ddp_world_size, cfg.batch_size, cfg.block_size)
    print(f"tokens per iteration will be: {tokens_per_iter:,}")

    # check everything that can fail before touching out_dir (until then the console is only
    # buffered for train.log): a bad command must not clobber a good run
    data_dir = cfg.data_dir or os.path.join('data', cfg.dataset)
    split_tokens = check_data(data_dir, cfg.block_size)
    meta = read_meta(data_dir)
    ckpt_file = ckpt_io.ckpt_path(cfg.out_dir)
    # onto the CPU (nanoGPT: the device): load_state_dict copies weights and optimizer state to where
    # the parameters live, RNG states must be CPU tensors anyway, and the GPU never holds two copies
    checkpoint = ckpt_io.load(ckpt_file, map_location='cpu') if cfg.init_from == 'resume' else None

    torch.manual_seed(cfg.seed + seed_offset)
    if 'cuda' in device:  # allow tf32 on matmul and cudnn
        if hasattr(torch.backends.cudnn, 'conv'):  # torch >= 2.9 spells it fp32_precision, and warns on the old flags
            torch.backends.cuda.matmul.fp32_precision = 'tf32'
            torch.backends.cudnn.conv.fp32_precision = 'tf32'
        else:
            torch.backends.cuda.matmul.allow_tf32 = True
            torch.backends.cudnn.allow_tf32 = True
    device_type = 'cuda' if 'cuda' in device else 'cpu'  # for later use in torch.autocast
    ctx = hardware.autocast_context(device, dtype)
    batches = Batches(data_dir, cfg.block_size, cfg.batch_size, device, cfg.seed, ddp_rank, ddp_world_size,
                      gradient_accumulation_steps)

    # init these up here, can override if init_from='resume' (i.e. from a checkpoint)
    iter_num = 0
    best_val_loss = 1e9

    # attempt to derive vocab_size from the dataset
    meta_vocab_size = None
    if meta is not None:
        meta_vocab_size = meta['vocab_size']
        print(f"found vocab_size = {meta_vocab_size} (inside {os.path.join(data_dir, 'meta.pkl')})")

    # model init
    model_args = dict(n_layer=cfg.n_layer, n_head=cfg.n_head, n_embd=cfg.n_embd, block_size=cfg.block_size,
                      bias=cfg.bias, vocab_size=None, dropout=cfg.dropout, pos=cfg.pos, norm=cfg.norm, mlp=cfg.mlp)
    if cfg.init_from == 'scratch':
        # init a new model from scratch
        print("Initializing a new model from scratch")
        # determine the vocab size we'll use for from-scratch training
        if cfg.vocab_size is not None:
            model_args['vocab_size'] = cfg.vocab_size
        elif meta_vocab_size is None:
            print("defaulting to vocab_size of GPT-2 to 50304 (50257 rounded up for efficiency)")
        if model_args['vocab_size'] is None:
            model_args['vocab_size'] = meta_vocab_size if meta_vocab_size is not None else 50304
        model = GPT(GPTConfig(**model_args))
    elif cfg.init_from == 'resume':
        print(f"Resuming training from {cfg.out_dir}")
        # force these config attributes to be equal otherwise we can't even resume training;
        # the rest of the attributes (e.g. dropout) can stay as desired from command line
        checkpoint_model_args = checkpoint['model_args']
        for k in ('n_layer', 'n_head', 'n_embd', 'block_size', 'bias', 'vocab_size', 'pos', 'norm', 'mlp'):
            if k in checkpoint_model_args:
                model_args[k] = checkpoint_model_args[k]
        for name, want in (('meta.pkl', meta_vocab_size), ('--vocab_size', cfg.vocab_size)):
            if want is not None and want != model_args['vocab_size']:
                raise TrainError(f"vocab mismatch: {ckpt_file} was trained with vocab_size {model_args['vocab_size']} "
                                 f"but {os.path.join(data_dir, 'meta.pkl') if name == 'meta.pkl' else name} says "
                                 f"{want}; resume on the data it was trained on")
        model = GPT(GPTConfig(**model_args))
        try:
            model.load_state_dict(ckpt_io.clean_state_dict(checkpoint['model']))
        except RuntimeError as e:
            raise TrainError(f"{ckpt_file} does not fit the model: {str(e).splitlines()[0]}") from None
        iter_num = int(checkpoint['iter_num'])
        best_val_loss = float(checkpoint['best_val_loss'])
    else:
        # initialize from OpenAI GPT-2 weights
        print(f"Initializing from OpenAI GPT-2 weights: {cfg.init_from}")
        try:
            model = GPT.from_pretrained(cfg.init_from, dict(dropout=cfg.dropout))
        except ImportError:
            raise TrainError(f"init_from={cfg.init_from} needs the `transformers` package "
                             f"(pip install transformers) and network access") from None
        # read off the created config params, so we can store them into checkpoint correctly
        for k in ('n_layer', 'n_head', 'n_embd', 'block_size', 'bias', 'vocab_size'):
            model_args[k] = getattr(model.config, k)
    # crop down the model block size if desired, using model surgery
    if cfg.block_size < model.config.block_size:
        model.crop_block_size(cfg.block_size)
        model_args['block_size'] = cfg.block_size  # so that the checkpoint will have the right value
    elif cfg.block_size > model.config.block_size:
        raise TrainError(f"block_size {cfg.block_size} is larger than the model's {model.config.block_size}")
    vocab_size = model_args['vocab_size']
    top = max_token(data_dir)
    if top >= vocab_size:
        raise TrainError(f"{data_dir} has token id {top} but the model's vocab_size is {vocab_size}; "
                         f"prepare the data again or set --vocab_size")
    model.to(device)
    if master_process:
        os.makedirs(cfg.out_dir, exist_ok=True)
        console.open(os.path.join(cfg.out_dir, LOG_NAME), append=cfg.init_from == 'resume')
        # the device's real peak, for mfu_device (nanoGPT's printed mfu stays against the A100).
        # Measuring a CPU's peak runs a matmul on random tensors: in a forked RNG, so whether
        # the measurement was cached never changes the training run.
        with torch.random.fork_rng(devices=[]):
            peak_name, peak_flops, peak_source = hardware.device_peak_flops(device, dtype)

    # initialize a GradScaler. If enabled=False scaler is a no-op
    scaler = hardware.make_grad_scaler(device, dtype)

    # optimizer
    optimizer = model.configure_optimizers(cfg.weight_decay, cfg.learning_rate, (cfg.beta1, cfg.beta2), device_type)
    tokens_seen, running_mfu, running_mfu_device = 0, -1.0, -1.0
    if checkpoint is not None:
        optimizer.load_state_dict(checkpoint['optimizer'])
        if checkpoint.get('scaler') and scaler.is_enabled():
            scaler.load_state_dict(checkpoint['scaler'])
        tokens_seen = int(checkpoint.get('tokens_seen', iter_num * tokens_per_iter))
        running_mfu = float(checkpoint.get('running_mfu', -1.0))
        running_mfu_device = float(checkpoint.get('running_mfu_device', -1.0))
        resume_rng = checkpoint.get('rng')
    checkpoint = None  # free up memory

    # compile the model
    raw_model = model
    if cfg.compile:
        if device_type == 'cpu' and not any(shutil.which(c) for c in (os.environ.get('CXX', 'g++'), 'c++', 'clang++')):
            print("compile=True needs a C++ compiler on cpu and none was found; running without torch.compile")
        else:
            print("compiling the model... (takes a ~minute)")
            model = torch.compile(model)  # requires PyTorch 2.0
    eval_model = model  # estimate_loss runs on rank 0 alone, so never through the DDP wrapper
    # wrap model into DDP container; buffers (rope tables, masks) are constants, nothing to broadcast
    if ddp:
        model = DDP(model, device_ids=[ddp_local_rank] if device_type == 'cuda' else None, broadcast_buffers=False)

    metrics = None
    if master_process:
        if cfg.metrics:
            metrics = MetricsWriter(os.path.join(cfg.out_dir, METRICS_NAME),
                                    resume_iter=iter_num if cfg.init_from == 'resume' else None)
            metrics.write({'kind': 'config', 'config': to_dict(cfg), 'model_args': model_args,
                           'num_params': raw_model.get_num_params(), 'device': device, 'device_name': peak_name,
                           'dtype': dtype, 'peak_flops_device': peak_flops, 'peak_source': peak_source,
                           'peak_flops_a100': hardware.A100_BF16_PEAK, 'world_size': ddp_world_size,
                           'gradient_accumulation_steps_per_rank': gradient_accumulation_steps,
                           'tokens_per_iter': tokens_per_iter, 'train_tokens': split_tokens['train'],
                           'val_tokens': split_tokens['val'], 'resumed_from': iter_num if cfg.init_from == 'resume' else None,
                           'torch': torch.__version__, 'time': time.time()})

    # helps estimate an arbitrarily accurate loss over either split using many batches
    @torch.no_grad()
    def estimate_loss():
        out = {}
        eval_model.eval()
        for split in ['train', 'val']:
            losses = torch.zeros(cfg.eval_iters)
            for k in range(cfg.eval_iters):
                X, Y = batches.for_eval(split, iter_num, k, cfg.eval_iters)
                with ctx:
                    logits, loss = eval_model(X, Y)
                losses[k] = loss.item()
            out[split] = losses.mean().item()
        eval_model.train()
        return out

    # learning rate decay scheduler (cosine with warmup)
    def get_lr(it):
        return sizing.get_lr(it, cfg.learning_rate, cfg.warmup_iters, cfg.lr_decay_iters, cfg.min_lr,
                             cfg.decay_lr, cfg.lr_schedule)

    # logging
    if cfg.wandb_log and master_process:
        try:
            import wandb
        except ImportError:
            raise TrainError("wandb_log=True needs the wandb package (pip install wandb)") from None
        wandb.init(project=cfg.wandb_project, name=cfg.wandb_run_name, config=to_dict(cfg))

    def epoch(tokens):
        return tokens / split_tokens['train']

    def save_checkpoint(rng_states):
        ckpt_io.save({
            'format': ckpt_io.FORMAT,
            'model': raw_model.state_dict(),
            'optimizer': optimizer.state_dict(),
            'model_args': model_args,
            'iter_num': iter_num,
            'best_val_loss': best_val_loss,
            'config': to_dict(cfg),
            'rng': rng_states,  # one entry per rank
            'sampler': batches.state(),
            'scaler': scaler.state_dict() if scaler.is_enabled() else {},
            'tokens_seen': tokens_seen,
            'running_mfu': running_mfu,
            'running_mfu_device': running_mfu_device,
            'world_size': ddp_world_size,
        }, ckpt_file)

    def check_finite(pending):
        """Stop at the first non-finite loss; `pending` holds (iter_num, lr, loss tensor)."""
        if not pending:
            return
        flags = torch.stack([torch.isfinite(t) for _, _, t in pending]).cpu()
        for (it, lr_it, t), ok in zip(pending, flags.tolist()):
            if not ok:
                what = 'loss is nan' if torch.isnan(t).item() else 'loss is inf'
                if metrics is not None:
                    metrics.write({'kind': 'error', 'iter': it, 'error': what, 'lr': lr_it})
                raise _nonfinite_error(what, it, lr_it, dtype, vocab_size, ckpt_file)
        pending.clear()

    # back where nanoGPT's loop starts: restore the RNG streams exactly as they were saved
    if cfg.init_from == 'resume' and resume_rng:
        if len(resume_rng) == ddp_world_size:
            ckpt_io.restore_rng_state(resume_rng[ddp_rank])
        else:
            print(f"note: checkpoint has RNG states for {len(resume_rng)} processes, this run has "
                  f"{ddp_world_size}; dropout draws will differ from an uninterrupted run")

    # training loop
    X, Y = batches.train(iter_num, 0)  # fetch the very first batch
    t0 = time.time()
    local_iter_num = 0  # number of iterations in the lifetime of this process
    pending = []  # non-finite checks not yet synced (CUDA syncs only on log and eval iterations)
    while True:

        # determine and set the learning rate for this iteration
        lr = get_lr(iter_num)
        for param_group in optimizer.param_groups:
            param_group['lr'] = lr

        # evaluate the loss on train/val sets and write checkpoints
        if iter_num % cfg.eval_interval == 0:
            check_finite(pending)  # never checkpoint weights that already saw a NaN
            rng_state = ckpt_io.capture_rng_state()
            if ddp:  # every rank's dropout stream, so all of them resume exactly
                rng_states = [None] * ddp_world_size
                dist.all_gather_object(rng_states, rng_state)
            else:
                rng_states = [rng_state]
        if iter_num % cfg.eval_interval == 0 and master_process:
            losses = estimate_loss()
            print(f"step {iter_num}: train loss {losses['train']:.4f}, val loss {losses['val']:.4f}")
            if not math.isfinite(losses['val']) or not math.isfinite(losses['train']):
                raise _nonfinite_error(f"eval loss is {losses['val']} (val), {losses['train']} (train)",
                                       iter_num, lr, dtype, vocab_size, ckpt_file)
            if cfg.wandb_log:
                wandb.log({"iter": iter_num, "train/loss": losses['train'], "val/loss": losses['val'], "lr": lr,
                           "mfu": running_mfu * 100})  # convert to percentage
            # nanoGPT sets best_val_loss to the latest val under always_save_checkpoint; we keep the best
            improved = losses['val'] < best_val_loss
            saving = (improved or cfg.always_save_checkpoint) and iter_num > 0
            if improved:
                best_val_loss = losses['val']
            if metrics is not None:
                metrics.write({'kind': 'eval', 'iter': iter_num, 'train_loss': losses['train'],
                               'val_loss': losses['val'], 'lr': lr, 'tokens_seen': tokens_seen,
                               'epoch': epoch(tokens_seen), 'best_val_loss': best_val_loss, 'checkpoint': saving})
            if saving:
                print(f"saving checkpoint to {cfg.out_dir}")
                save_checkpoint(rng_states)
        if iter_num == 0 and cfg.eval_only:
            break

        # forward backward update, with optional gradient accumulation to simulate larger batch size
        # and using the GradScaler if data type is float16
        loss_sum = None  # all micro-steps' losses, for the non-finite check
        for micro_step in range(gradient_accumulation_steps):
            if ddp:
                # in DDP training we only need to sync gradients at the last micro step.
                # the official way to do this is with model.no_sync() context manager, but
                # I really dislike that this bloats the code and forces us to repeat code
                # looking at the source of that context manager, it just toggles this variable
                model.require_backward_grad_sync = (micro_step == gradient_accumulation_steps - 1)
            with ctx:
                logits, loss = model(X, Y)
                loss = loss / gradient_accumulation_steps  # scale the loss to account for gradient accumulation
            # immediately async prefetch next batch while model is doing the forward pass on the GPU
            X, Y = batches.next_train(iter_num, micro_step)
            # backward pass, with gradient scaling if training in fp16
            scaler.scale(loss).backward()
            loss_sum = loss.detach() if loss_sum is None else loss_sum + loss.detach()
        # clip the gradient; its norm (before clipping) is logged, so take it even when not clipping
        if cfg.grad_clip != 0.0 or scaler.is_enabled():
            scaler.unscale_(optimizer)
        if cfg.grad_clip != 0.0:
            grad_norm = torch.nn.utils.clip_grad_norm_(raw_model.parameters(), cfg.grad_clip)
        else:
            grad_norm = total_grad_norm(raw_model.parameters())
        # step the optimizer and scaler if training in fp16
        scaler.step(optimizer)
        scaler.update()
        # flush the gradients as soon as we can, no need for this memory anymore
        optimizer.zero_grad(set_to_none=True)
        tokens_seen += tokens_per_iter

        # timing and logging
        t1 = time.time()
        dt = t1 - t0
        t0 = t1
        if ddp:  # a NaN on any rank stops every rank at the same iteration
            dist.all_reduce(loss_sum, op=dist.ReduceOp.SUM)
        pending.append((iter_num, lr, loss_sum))
        if device_type != 'cuda' or iter_num % cfg.log_interval == 0:
            check_finite(pending)  # off CUDA this costs nothing, so stop at the very iteration that went bad
        if iter_num % cfg.log_interval == 0 and master_process:
            # get loss as float. note: this is a CPU-GPU sync point
            # scale up to undo the division above, approximating the true total loss (exact would have been a sum)
            lossf = loss.item() * gradient_accumulation_steps
            if local_iter_num >= 5:  # let the training loop settle a bit
                fwdbwd = cfg.batch_size * gradient_accumulation_steps
                mfu = raw_model.estimate_mfu(fwdbwd, dt)
                mfu_device = raw_model.estimate_mfu(fwdbwd, dt, peak_flops)
                running_mfu = mfu if running_mfu == -1.0 else 0.9 * running_mfu + 0.1 * mfu
                running_mfu_device = mfu_device if running_mfu_device == -1.0 else 0.9 * running_mfu_device + 0.1 * mfu_device
            print(f"iter {iter_num}: loss {lossf:.4f}, time {dt*1000:.2f}ms, mfu {running_mfu*100:.2f}%")
            if metrics is not None:
                metrics.write({'kind': 'iter', 'iter': iter_num, 'loss': lossf, 'lr': lr,
                               'grad_norm': grad_norm.item(), 'tokens_seen': tokens_seen,
                               'epoch': epoch(tokens_seen), 'dt_ms': dt * 1000,
                               'mfu_a100': running_mfu if running_mfu != -1.0 else None,
                               'mfu_device': running_mfu_device if running_mfu_device != -1.0 else None,
                               'time': t1})
        iter_num += 1
        local_iter_num += 1

        # termination conditions
        if iter_num > cfg.max_iters:
            break

    check_finite(pending)
    if metrics is not None:
        metrics.close()
    if cfg.wandb_log and master_process:
        wandb.finish()
    return 0
