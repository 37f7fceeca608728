"""trainer/train.py: nanoGPT's console lines, train.log, metrics.jsonl, bit-exact resume after
SIGKILL, DDP equivalence, one-line errors, and nanoGPT's own config file.

Every run here is a tiny model on a tiny character dataset the test writes itself,
in nanoGPT's format (headerless uint16 train.bin/val.bin plus meta.pkl).
"""
import io
import os
import pickle
import re
import signal
import subprocess
import sys
from pathlib import Path

import numpy as np
import pytest
import torch

sys.path.insert(0, str(Path(__file__).resolve().parent))
import nanogpt_configs  # noqa: E402
from tiny_runs import ROOT, records, run_train, subprocess_env, write_char_data  # noqa: E402

from trainer import sizing
from trainer.config import TrainConfig, load_config
from trainer.recipes import first_run_command
from trainer.train import main, run

TINY = ['--gradient_accumulation_steps=1', '--n_layer=2', '--n_head=2', '--n_embd=32', '--block_size=16', '--batch_size=4', '--device=cpu',
        '--dtype=float32', '--compile=False', '--eval_iters=2', '--warmup_iters=3', '--lr_decay_iters=100',
        '--learning_rate=3e-3', '--min_lr=3e-4']

# every line train.py prints, as nanoGPT prints it (research notes section 1.2)
LINE_FORMATS = {
    'override': r"Overriding: \w+ = .*",
    'tokens': r"tokens per iteration will be: \d{1,3}(,\d{3})*",
    'vocab': r"found vocab_size = \d+ \(inside .*meta\.pkl\)",
    'scratch': r"Initializing a new model from scratch",
    'resume': r"Resuming training from .+",
    'params': r"number of parameters: \d+\.\d\dM",
    'decayed': r"num decayed parameter tensors: \d+, with \d{1,3}(,\d{3})* parameters",
    'nodecay': r"num non-decayed parameter tensors: \d+, with \d{1,3}(,\d{3})* parameters",
    'fused': r"using fused AdamW: (True|False)",
    'step': r"step \d+: train loss \d+\.\d{4}, val loss \d+\.\d{4}",
    'saving': r"saving checkpoint to .+",
    'iter': r"iter \d+: loss \d+\.\d{4}, time \d+\.\d\dms, mfu -?\d+\.\d\d%",
}


def kind_of(line):
    for kind, pattern in LINE_FORMATS.items():
        if re.fullmatch(pattern, line):
            return kind
    return None


@pytest.fixture
def data(tmp_path):
    return write_char_data(tmp_path / 'data')


# --- console, train.log, metrics.jsonl ------------------------------------------------

def test_console_lines_are_nanogpts_and_train_log_is_the_console(data, tmp_path, capsys):
    out = tmp_path / 'out'
    rc = main([*TINY, f'--data_dir={data}', f'--out_dir={out}', '--max_iters=12', '--eval_interval=5'])
    stdout = capsys.readouterr().out
    assert rc == 0
    lines = stdout.splitlines()
    kinds = [kind_of(line) for line in lines]
    assert None not in kinds, [line for line, k in zip(lines, kinds) if k is None]
    # nanoGPT's order: configurator, tokens, vocab, init, model, optimizer, then the loop
    header = [k for k in kinds if k not in ('override', 'step', 'saving', 'iter')]
    assert header == ['tokens', 'vocab', 'scratch', 'params', 'decayed', 'nodecay', 'fused']
    assert 'tokens per iteration will be: 64' in lines  # 1 accumulation x 4 x 16
    assert 'using fused AdamW: False' in lines  # fused only on CUDA, like nanoGPT
    assert [line.split(':')[0] for line in lines if kind_of(line) in ('step', 'saving')] == [
        'step 0', 'step 5', f'saving checkpoint to {out}', 'step 10', f'saving checkpoint to {out}']
    iters = [line for line in lines if line.startswith('iter ')]
    assert [int(line.split()[1][:-1]) for line in iters] == list(range(13))  # iterations 0..max_iters
    # the MFU EMA starts at local iteration 5: -100.00% before, a real number from then on
    assert all(line.endswith('mfu -100.00%') for line in iters[:5])
    assert not any(line.endswith('mfu -100.00%') for line in iters[5:])
    # the eval step comes first in its iteration, so iteration 5's line follows step 5
    assert lines.index(iters[5]) > lines.index([l for l in lines if l.startswith('step 5:')][0])
    assert (out / 'train.log').read_text() == stdout


def test_metrics_jsonl_records(data, tmp_path, capsys):
    out = tmp_path / 'out'
    assert main([*TINY, f'--data_dir={data}', f'--out_dir={out}', '--max_iters=8', '--eval_interval=4',
                 '--gradient_accumulation_steps=2', '--log_interval=2']) == 0
    printed = {int(m.group(1)): m.group(2) for m in re.finditer(r"^iter (\d+): loss (\S+),", capsys.readouterr().out, re.M)}
    recs = records(out)
    config = recs[0]
    assert config['kind'] == 'config' and [r['kind'] for r in recs].count('config') == 1
    assert config['config']['n_layer'] == 2 and config['dtype'] == 'float32' and config['device'] == 'cpu'
    assert config['num_params'] == sizing.num_params(2, 32, 28, block_size=16)
    assert config['tokens_per_iter'] == 128 and config['peak_flops_device'] > 0
    train_tokens = config['train_tokens']
    assert train_tokens == 10800

    iters = records(out, 'iter')
    assert [r['iter'] for r in iters] == [0, 2, 4, 6, 8]  # logged iterations only
    for r in iters:
        assert set(r) >= {'iter', 'loss', 'lr', 'grad_norm', 'tokens_seen', 'epoch', 'dt_ms', 'mfu_a100', 'mfu_device'}
        assert f"{r['loss']:.4f}" == printed[r['iter']]  # full precision in the file, 4 digits on the console
        assert r['lr'] == sizing.get_lr(r['iter'], 3e-3, 3, 100, 3e-4)
        assert r['tokens_seen'] == (r['iter'] + 1) * 128  # after this iteration's update
        assert r['epoch'] == r['tokens_seen'] / train_tokens
        assert r['grad_norm'] > 0 and r['dt_ms'] > 0
    # local iterations 0..4 have no MFU yet (nanoGPT's -100.00%): null, then fractions of a peak
    assert iters[0]['mfu_a100'] is None and iters[2]['mfu_a100'] is None
    assert 0 < iters[3]['mfu_a100'] < 1 and 0 < iters[3]['mfu_device'] < 2
    assert iters[3]['mfu_device'] > iters[3]['mfu_a100']  # a CPU is far below an A100

    evals = records(out, 'eval')
    assert [r['iter'] for r in evals] == [0, 4, 8]
    assert [r['tokens_seen'] for r in evals] == [0, 4 * 128, 8 * 128]  # before that iteration's update
    assert [r['checkpoint'] for r in evals] == [False, True, True]
    assert all(r['val_loss'] > 0 and r['train_loss'] > 0 for r in evals)


def test_help_lists_the_keys_and_explains_mfu(capsys):
    assert main(['--help']) == 0
    text = capsys.readouterr().out
    assert '312 TFLOPS' in text and 'mfu_device' in text and 'A100' in text
    for key in ('batch_size', 'block_size', 'gradient_accumulation_steps', 'compile', 'pos', 'seed', 'data_dir'):
        assert f'--{key}=' in text
    assert '--learning_rate=0.0006' in text and "--out_dir='out'" in text


def test_bfloat16_autocast_runs_on_cpu(data, tmp_path, capsys):
    out = tmp_path / 'out'
    assert main([*TINY, f'--data_dir={data}', f'--out_dir={out}', '--max_iters=3', '--eval_interval=10',
                 '--dtype=bfloat16']) == 0
    assert records(out)[0]['dtype'] == 'bfloat16'
    assert all(np.isfinite(r['loss']) for r in records(out, 'iter'))


def test_nanogpts_own_shakespeare_char_config_trains(tmp_path, monkeypatch, capsys):
    monkeypatch.chdir(tmp_path)
    write_char_data(tmp_path / 'data' / 'shakespeare_char', vocab=65)
    nanogpt_configs.write(tmp_path / 'config', 'train_shakespeare_char.py')
    rc = main(['config/train_shakespeare_char.py', '--device=cpu', '--compile=False', '--max_iters=2',
               '--eval_iters=1', '--batch_size=2', '--block_size=32'])
    stdout = capsys.readouterr().out
    assert rc == 0, stdout
    assert stdout.startswith('Overriding config with config/train_shakespeare_char.py:\n'
                             + nanogpt_configs.TRAIN_SHAKESPEARE_CHAR)
    assert 'found vocab_size = 65 (inside data/shakespeare_char/meta.pkl)' in stdout
    assert 'number of parameters: 10.65M' in stdout  # 6/6/384 with vocab 65, as nanoGPT prints it
    assert 'tokens per iteration will be: 64' in stdout
    assert re.search(r"^iter 0: loss \d\.\d{4}, time", stdout, re.M)
    assert (tmp_path / 'out-shakespeare-char' / 'train.log').exists()


def test_eval_only_evaluates_once_and_stops(data, tmp_path, capsys):
    out = tmp_path / 'out'
    assert main([*TINY, f'--data_dir={data}', f'--out_dir={out}', '--eval_only=True']) == 0
    stdout = capsys.readouterr().out
    assert re.search(r"^step 0: train loss", stdout, re.M) and 'iter ' not in stdout
    assert [r['kind'] for r in records(out)] == ['config', 'eval']


# --- run(cfg): the entry point for Python callers (the gallery) --------------------------------

def test_run_takes_a_train_config_and_a_console_stream(data, tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)  # relative paths are relative to the working directory
    console = io.StringIO()
    cfg = TrainConfig(device='cpu', dtype='float32', compile=False, n_layer=2, n_head=2, n_embd=32,
                      block_size=16, batch_size=4, gradient_accumulation_steps=1, max_iters=4, eval_interval=4,
                      eval_iters=2, data_dir=os.path.relpath(data), out_dir='run1')
    assert run(cfg, console=console) == 0
    text = console.getvalue()
    # the settings echoed as the configurator would echo the same command line, then nanoGPT's lines
    assert text.startswith('Overriding: out_dir = run1\nOverriding: eval_interval = 4\n')
    assert 'tokens per iteration will be: 64' in text and 'step 4: train loss' in text
    assert (tmp_path / 'run1' / 'train.log').read_text() == text
    assert [r['iter'] for r in records(tmp_path / 'run1', 'iter')] == [0, 1, 2, 3, 4]
    assert sys.stdout is not console  # stdout is given back


def test_run_rejects_an_invalid_config_with_one_line(tmp_path, capsys):
    assert run(TrainConfig(n_embd=30, n_head=4, out_dir=str(tmp_path / 'out'))) == 2
    err = capsys.readouterr().err
    assert err == 'error: n_embd (30) must be divisible by n_head (4)\n'
    assert not (tmp_path / 'out').exists()


# --- resume ------------------------------------------------------------------------

RESUME_ARGS = [*TINY, '--max_iters=60', '--eval_interval=10', '--always_save_checkpoint=True', '--dropout=0.1',
               '--gradient_accumulation_steps=2', '--log_interval=1']


def test_resume_after_sigkill_is_bit_identical(data, tmp_path):
    ref, killed = tmp_path / 'ref', tmp_path / 'killed'
    done = run_train([*RESUME_ARGS, f'--data_dir={data}', f'--out_dir={ref}'])
    assert done.returncode == 0, done.stderr

    proc = subprocess.Popen([sys.executable, '-m', 'trainer', 'train', *RESUME_ARGS, f'--data_dir={data}',
                             f'--out_dir={killed}'], cwd=ROOT, env=subprocess_env(), stdout=subprocess.PIPE,
                            stderr=subprocess.DEVNULL, text=True)
    try:
        for line in proc.stdout:  # iteration 13: checkpoint 10 exists and the run is between checkpoints
            if line.startswith('iter 13:'):
                os.kill(proc.pid, signal.SIGKILL)
                break
    finally:
        proc.stdout.close()
        proc.wait(timeout=60)
    assert proc.returncode == -signal.SIGKILL, "the run finished before it could be killed"
    last_logged = records(killed, 'iter')[-1]['iter']  # the kill can land between print and metrics
    assert 10 < last_logged < 60 and (killed / 'ckpt.pt').exists()

    resumed = run_train([*RESUME_ARGS, f'--data_dir={data}', f'--out_dir={killed}', '--init_from=resume'])
    assert resumed.returncode == 0, resumed.stderr
    assert re.search(r"^Resuming training from .*killed$", resumed.stdout, re.M)

    # metrics.jsonl now holds every iteration once: what the killed run wrote before its last
    # checkpoint, then the resumed run. Losses must be the same floats, bit for bit.
    want = [(r['iter'], r['loss'], r['grad_norm'], r['lr']) for r in records(ref, 'iter')]
    got = [(r['iter'], r['loss'], r['grad_norm'], r['lr']) for r in records(killed, 'iter')]
    assert got == want
    want = [(r['iter'], r['train_loss'], r['val_loss']) for r in records(ref, 'eval')]
    got = [(r['iter'], r['train_loss'], r['val_loss']) for r in records(killed, 'eval')]
    assert got == want
    # and the final weights too
    a = torch.load(ref / 'ckpt.pt', weights_only=True)
    b = torch.load(killed / 'ckpt.pt', weights_only=True)
    assert a['iter_num'] == b['iter_num'] == 60
    assert all(torch.equal(a['model'][k], b['model'][k]) for k in a['model'])
    # train.log is the console transcript of both processes
    log = (killed / 'train.log').read_text()
    assert log.count('Initializing a new model from scratch') == 1 and log.count('Resuming training from') == 1
    assert log.rstrip().endswith('iter 60: ' + log.rstrip().rsplit('iter 60: ', 1)[1])


def test_resume_restores_the_rng_so_dropout_matches(data, tmp_path, capsys):
    # in-process: stop at 10 (checkpoint at 10), resume to 20; must equal a straight run to 20
    args = [*TINY, f'--data_dir={data}', '--eval_interval=10', '--dropout=0.2', '--log_interval=1']
    assert main([*args, f'--out_dir={tmp_path / "a"}', '--max_iters=20']) == 0
    assert main([*args, f'--out_dir={tmp_path / "b"}', '--max_iters=10']) == 0
    torch.manual_seed(999)  # whatever happens in between must not matter
    assert main([*args, f'--out_dir={tmp_path / "b"}', '--max_iters=20', '--init_from=resume']) == 0
    a = [(r['iter'], r['loss']) for r in records(tmp_path / 'a', 'iter')]
    b = [(r['iter'], r['loss']) for r in records(tmp_path / 'b', 'iter')]
    assert a == b and len(a) == 21


def _as_nanogpt_checkpoint(ours):
    """Our checkpoint as nanoGPT's train.py writes one: six keys, compiled-model names, the masks
    nanoGPT kept without fused attention, and its optimizer numbering (wpe right after wte)."""
    from trainer.model import GPT, GPTConfig
    model = GPT(GPTConfig(**ours['model_args']), log=None)
    names = [n for n, p in model.named_parameters()]
    ours_decay = [n for n in names if model.get_parameter(n).dim() >= 2]
    theirs_decay = ['transformer.wte.weight', 'transformer.wpe.weight'] + [
        n for n in ours_decay if n not in ('transformer.wte.weight', 'transformer.wpe.weight')]
    to_theirs = {ours_decay.index(n): theirs_decay.index(n) for n in ours_decay}
    opt = ours['optimizer']
    state = {to_theirs.get(i, i): v for i, v in opt['state'].items()}
    groups = [dict(g, params=sorted(to_theirs.get(i, i) for i in g['params'])) for g in opt['param_groups']]
    weights = {'_orig_mod.' + k: v for k, v in ours['model'].items()}
    for layer in range(ours['model_args']['n_layer']):
        weights[f'_orig_mod.transformer.h.{layer}.attn.bias'] = torch.ones(1, 1, 16, 16).tril()
    args = {k: ours['model_args'][k] for k in ('n_layer', 'n_head', 'n_embd', 'block_size', 'bias', 'vocab_size',
                                               'dropout')}
    return {'model': weights, 'optimizer': {'state': state, 'param_groups': groups}, 'model_args': args,
            'iter_num': ours['iter_num'], 'best_val_loss': ours['best_val_loss'],
            'config': {k: v for k, v in ours['config'].items() if k not in ('pos', 'norm', 'mlp', 'seed')}}


def test_resumes_a_nanogpt_checkpoint_as_it_resumes_its_own(data, tmp_path, capsys):
    args = [*TINY, f'--data_dir={data}', '--eval_interval=5', '--always_save_checkpoint=True', '--dropout=0.0']
    assert main([*args, f'--out_dir={tmp_path / "ours"}', '--max_iters=5']) == 0
    ours = torch.load(tmp_path / 'ours' / 'ckpt.pt', weights_only=True)
    (tmp_path / 'nanogpt').mkdir()
    torch.save(_as_nanogpt_checkpoint(ours), tmp_path / 'nanogpt' / 'ckpt.pt')
    for name in ('ours', 'nanogpt'):
        assert main([*args, f'--out_dir={tmp_path / name}', '--max_iters=10', '--init_from=resume']) == 0
    # no dropout, and batches that depend on the iteration alone: the two resumes are the same run
    got = {name: [(r['iter'], r['loss'], r['grad_norm']) for r in records(tmp_path / name, 'iter') if r['iter'] >= 5]
           for name in ('ours', 'nanogpt')}
    assert got['ours'] == got['nanogpt'] and [i for i, _, _ in got['ours']] == list(range(5, 11))


# --- DDP -----------------------------------------------------------------------------

def test_ddp_two_gloo_processes_match_one_process_with_double_accumulation(data, tmp_path):
    args = [*TINY, f'--data_dir={data}', '--max_iters=6', '--eval_interval=3', '--dropout=0.0',
            '--gradient_accumulation_steps=4', '--log_interval=1', '--always_save_checkpoint=True']
    single = run_train([*args, f'--out_dir={tmp_path / "single"}'])
    assert single.returncode == 0, single.stderr
    ddp = subprocess.run([sys.executable, '-m', 'torch.distributed.run', '--standalone', '--nproc_per_node=2',
                          '-m', 'trainer', 'train', *args, f'--out_dir={tmp_path / "ddp"}'],
                         cwd=ROOT, env=subprocess_env(), capture_output=True, text=True, timeout=300)
    assert ddp.returncode == 0, ddp.stderr[-3000:]
    # nanoGPT's `tokens per iteration` line is printed by every rank, and is the same number
    assert ddp.stdout.count('tokens per iteration will be: 256') == 2
    s, d = records(tmp_path / 'single'), records(tmp_path / 'ddp')
    assert d[0]['world_size'] == 2 and d[0]['gradient_accumulation_steps_per_rank'] == 2
    si, di = [r for r in s if r['kind'] == 'iter'], [r for r in d if r['kind'] == 'iter']
    assert [r['iter'] for r in si] == [r['iter'] for r in di] == list(range(7))
    for a, b in zip(si, di):  # rank 0 prints the last micro-batch's loss, the same batch one process ends on
        assert abs(a['loss'] - b['loss']) < 1e-5 and abs(a['grad_norm'] - b['grad_norm']) < 1e-5
    se, de = [r for r in s if r['kind'] == 'eval'], [r for r in d if r['kind'] == 'eval']
    assert len(se) == len(de) == 3
    for a, b in zip(se, de):
        assert abs(a['val_loss'] - b['val_loss']) < 1e-5 and abs(a['train_loss'] - b['train_loss']) < 1e-5
    pa = torch.load(tmp_path / 'single' / 'ckpt.pt', weights_only=True)['model']
    pb = torch.load(tmp_path / 'ddp' / 'ckpt.pt', weights_only=True)['model']
    assert max((pa[k] - pb[k]).abs().max().item() for k in pa) < 1e-5
    assert not (tmp_path / 'ddp' / 'train.log').read_text().count('tokens per iteration') > 1  # rank 0 only


# --- errors: one line, exit 2, nothing clobbered -----------------------------------------

def assert_one_error_line(capsys, *fragments):
    err = capsys.readouterr().err
    assert err.count('\n') == 1 and err.startswith('error: '), err
    for fragment in fragments:
        assert fragment in err, err
    return err


def test_missing_data_dir(tmp_path, capsys):
    missing = tmp_path / 'nope'
    assert main([*TINY, f'--data_dir={missing}', f'--out_dir={tmp_path / "out"}']) == 2
    assert_one_error_line(capsys, str(missing), 'python -m trainer prepare shakespeare_char')
    assert not (tmp_path / 'out').exists()


def test_block_size_longer_than_a_split(data, tmp_path, capsys):
    assert main([*TINY, f'--data_dir={data}', f'--out_dir={tmp_path / "out"}', '--block_size=1200']) == 2
    assert_one_error_line(capsys, 'block_size 1200', 'val split', '1,200 tokens')
    assert not (tmp_path / 'out').exists()


def test_first_run_without_dataset_gets_a_command_that_works(tmp_path, monkeypatch, capsys):
    # issue 15: `plateau train --device=cpu` looks for nanoGPT's default data/openwebtext
    monkeypatch.chdir(tmp_path)
    assert main(['--device=cpu']) == 2
    err = assert_one_error_line(capsys, 'data/openwebtext not found', first_run_command())
    command = err.split('For a first run on a CPU: ')[1].strip()
    prepare, train = command.split(' && ')
    assert prepare == 'plateau prepare shakespeare_char' and train.startswith('plateau train --')
    cfg, _ = load_config(train.split()[2:])  # the hint parses as typed, onto the prepared data
    assert (cfg.dataset, cfg.data_dir, cfg.device, cfg.compile) == ('shakespeare_char', '', 'cpu', False)
    assert (cfg.n_layer, cfg.n_embd, cfg.block_size, cfg.batch_size, cfg.max_iters) == (4, 128, 64, 12, 2000)
    assert cfg.gradient_accumulation_steps == 1  # not the GPT-2 default of 40
    # and it runs: on a prepared tiny copy of shakespeare_char, for two iterations
    write_char_data(tmp_path / 'data' / 'shakespeare_char', vocab=65)
    assert main([*train.split()[2:], '--max_iters=2', '--eval_iters=1', '--eval_interval=2']) == 0


def test_unknown_config_key(capsys):
    assert main(['--n_layers=2']) == 2
    assert_one_error_line(capsys, "unknown config key 'n_layers'", "did you mean 'n_layer'?")


def test_nan_loss_stops_at_that_iteration_and_keeps_the_last_good_checkpoint(data, tmp_path, capsys):
    out = tmp_path / 'out'
    args = [*TINY, f'--data_dir={data}', f'--out_dir={out}', '--eval_interval=5', '--always_save_checkpoint=True']
    assert main([*args, '--max_iters=5']) == 0
    good = torch.load(out / 'ckpt.pt', weights_only=True)
    capsys.readouterr()
    # resume with an absurd learning rate: the weights blow up and the loss goes non-finite
    assert main([*args, '--max_iters=40', '--init_from=resume', '--learning_rate=1e30', '--min_lr=1e30',
                 '--warmup_iters=0']) == 2
    err = assert_one_error_line(capsys, 'at iter', 'learning rate too high', 'float16 overflow', 'bad data',
                                'untouched')
    assert re.search(r"loss is (nan|inf) at iter \d+", err)
    bad_iter = int(re.search(r"at iter (\d+)", err).group(1))
    assert 5 < bad_iter < 10  # it blew up right away and stopped there, before the next checkpoint
    # (nanoGPT re-saves at the resumed iteration's eval, so compare contents, not bytes)
    kept = torch.load(out / 'ckpt.pt', weights_only=True)
    assert kept['iter_num'] == good['iter_num'] == 5
    assert all(torch.equal(kept['model'][k], good['model'][k]) for k in good['model'])
    assert records(out)[-1] == {'kind': 'error', 'iter': bad_iter, 'error': err.split(' at iter')[0][7:],
                                'lr': 1e30}
    assert (out / 'train.log').read_text().endswith(err)


def test_vocab_mismatch_on_resume(data, tmp_path, capsys):
    out = tmp_path / 'out'
    args = [*TINY, f'--data_dir={data}', f'--out_dir={out}', '--eval_interval=3', '--max_iters=3']
    assert main(args) == 0
    good = (out / 'ckpt.pt').read_bytes()
    with open(os.path.join(data, 'meta.pkl'), 'wb') as f:
        pickle.dump({'vocab_size': 40, 'itos': {}, 'stoi': {}}, f)
    capsys.readouterr()
    assert main([*args, '--init_from=resume']) == 2
    assert_one_error_line(capsys, 'vocab mismatch', 'vocab_size 28', '40')
    assert (out / 'ckpt.pt').read_bytes() == good


def test_resume_without_a_checkpoint(data, tmp_path, capsys):
    assert main([*TINY, f'--data_dir={data}', f'--out_dir={tmp_path / "out"}', '--init_from=resume']) == 2
    assert_one_error_line(capsys, 'no checkpoint to resume from')


def test_errors_in_a_subprocess_have_no_traceback(tmp_path):
    done = run_train([f'--data_dir={tmp_path / "nope"}', '--device=cpu'])
    assert done.returncode == 2
    assert done.stderr.startswith('error: ') and done.stderr.count('\n') == 1 and 'Traceback' not in done.stderr


# --- compile (slow: inductor builds C++ kernels) ---------------------------------------------

@pytest.mark.slow
def test_compile_on_cpu(data, tmp_path, capsys):
    out = tmp_path / 'out'
    args = [*TINY, f'--data_dir={data}', '--max_iters=5', '--eval_interval=5', '--log_interval=1']
    assert main([*args, f'--out_dir={out}', '--compile=True']) == 0
    assert 'compiling the model... (takes a ~minute)' in capsys.readouterr().out
    assert main([*args, f'--out_dir={tmp_path / "eager"}']) == 0
    compiled = [r['loss'] for r in records(out, 'iter')]
    eager = [r['loss'] for r in records(tmp_path / 'eager', 'iter')]
    assert np.allclose(compiled, eager, atol=1e-4)


# --- nanoGPT's README CPU recipe (slow: about 80 s of training on 2 quiet cores) ------------------

@pytest.mark.slow
def test_nanogpt_readme_cpu_recipe_reaches_val_about_1_9(tmp_path):
    data_dir = ROOT / 'data' / 'shakespeare_char'
    if not (data_dir / 'train.bin').exists():
        prep = subprocess.run([sys.executable, '-m', 'trainer', 'prepare', 'shakespeare_char',
                               f'--data_dir={tmp_path / "data"}'], cwd=ROOT, capture_output=True, text=True)
        assert prep.returncode == 0, prep.stderr
        data_dir = tmp_path / 'data'
    config = nanogpt_configs.write(tmp_path, 'train_shakespeare_char.py')
    # README: python train.py config/train_shakespeare_char.py --device=cpu --compile=False --eval_iters=20
    #   --log_interval=1 --block_size=64 --batch_size=12 --n_layer=4 --n_head=4 --n_embd=128
    #   --max_iters=2000 --lr_decay_iters=2000 --dropout=0.0
    done = subprocess.run([sys.executable, '-m', 'trainer', 'train', config, '--device=cpu', '--compile=False',
                           '--eval_iters=20', '--log_interval=1', '--block_size=64', '--batch_size=12', '--n_layer=4',
                           '--n_head=4', '--n_embd=128', '--max_iters=2000', '--lr_decay_iters=2000', '--dropout=0.0',
                           f'--data_dir={data_dir}', f'--out_dir={tmp_path / "out"}'],
                          cwd=ROOT, capture_output=True, text=True, timeout=3600)
    assert done.returncode == 0, done.stderr
    final = records(tmp_path / 'out', 'eval')[-1]
    assert final['iter'] == 2000 and 1.80 < final['val_loss'] < 1.95
