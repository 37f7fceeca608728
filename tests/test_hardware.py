"""trainer/hardware.py: GPU peak table, device/dtype choice, autocast, the measured CPU peak."""
import contextlib
import json

import pytest
import torch

from trainer import hardware
from trainer.hardware import (A100_BF16_PEAK, GPU_PEAK_BF16, DeviceError, autocast_context, device_peak_flops,
                              lookup_gpu_peak, measure_cpu_peak, pick_device, pick_dtype)


@pytest.mark.parametrize('name, canonical, peak', [
    ('RTX 4070', 'RTX 4070', 58.3e12),
    ('rtx4070', 'RTX 4070', 58.3e12),
    ('NVIDIA GeForce RTX 4070', 'RTX 4070', 58.3e12),
    ('4070', 'RTX 4070', 58.3e12),
    ('NVIDIA GeForce RTX 4070 Ti', 'RTX 4070 Ti', 80.2e12),
    ('NVIDIA GeForce RTX 4070 SUPER', 'RTX 4070 Super', 71e12),
    ('NVIDIA GeForce RTX 4090', 'RTX 4090', 165.2e12),
    ('NVIDIA GeForce RTX 3090', 'RTX 3090', 71e12),
    ('NVIDIA GeForce RTX 3060', 'RTX 3060', 25.5e12),
    ('H100', 'H100 SXM', 989e12),
    ('NVIDIA H100 80GB HBM3', 'H100 SXM', 989e12),
    ('NVIDIA H100 PCIe', 'H100 PCIe', 756e12),
    ('NVIDIA H100 NVL', 'H100 NVL', 835e12),
    ('NVIDIA H200', 'H200', 989e12),
    ('NVIDIA A100-SXM4-40GB', 'A100', 312e12),
    ('NVIDIA A100 80GB PCIe', 'A100', 312e12),
    ('Tesla V100-SXM2-16GB', 'V100 SXM2', 125e12),
    ('Tesla V100-PCIE-32GB', 'V100 PCIe', 112e12),
    ('Tesla T4', 'T4', 65e12),
    ('NVIDIA A10', 'A10', 125e12),
    ('NVIDIA A10G', 'A10G', 70e12),
    ('NVIDIA L4', 'L4', 121e12),
    ('NVIDIA L40S', 'L40S', 362e12),
    ('NVIDIA RTX A6000', 'RTX A6000', 154.8e12),
])
def test_lookup_gpu_peak(name, canonical, peak):
    assert lookup_gpu_peak(name) == (canonical, peak)


def test_every_canonical_name_looks_itself_up():
    for name, peak in GPU_PEAK_BF16.items():
        assert lookup_gpu_peak(name) == (name, peak)


def test_unknown_gpu_lists_known_names():
    # a laptop 3060 is a different chip: no silent match with the desktop card
    for name in ('NVIDIA GeForce RTX 3060 Laptop GPU', 'Radeon', 'A1000'):
        with pytest.raises(KeyError) as e:
            lookup_gpu_peak(name)
        assert 'H100 SXM' in str(e.value) and 'RTX 4070' in str(e.value)


def test_nanogpt_denominator():
    assert A100_BF16_PEAK == 312e12 == GPU_PEAK_BF16['A100']
    # PR #464: "104% MFU on h100" is ~33% of the H100's real peak
    assert 1.04 * A100_BF16_PEAK / GPU_PEAK_BF16['H100 SXM'] == pytest.approx(0.328, abs=1e-3)


# --- device and dtype ---------------------------------------------------------------------

@pytest.mark.skipif(torch.cuda.is_available(), reason='checks the CPU-only fallback')
def test_pick_device_without_cuda(monkeypatch):
    monkeypatch.setattr(torch.backends.mps, 'is_available', lambda: False)
    assert pick_device('auto') == 'cpu'
    assert pick_device('cpu') == 'cpu'
    with pytest.raises(DeviceError, match="device 'cuda' requested but CUDA is not available"):
        pick_device('cuda')
    with pytest.raises(DeviceError, match="MPS is not available"):
        pick_device('mps')
    monkeypatch.setattr(torch.backends.mps, 'is_available', lambda: True)
    assert pick_device('auto') == 'mps'
    monkeypatch.setattr(torch.cuda, 'is_available', lambda: True)
    assert pick_device('auto') == 'cuda'
    assert pick_device('cuda:1') == 'cuda:1'


def test_pick_dtype(monkeypatch):
    assert pick_dtype('cpu') == 'float32'
    assert pick_dtype('mps') == 'float32'
    assert pick_dtype('cpu', 'bfloat16') == 'bfloat16'
    assert pick_dtype('cuda', 'float32') == 'float32'
    with pytest.raises(DeviceError, match='float16 is not supported on cpu'):
        pick_dtype('cpu', 'float16')
    with pytest.raises(DeviceError, match='dtype must be'):
        pick_dtype('cpu', 'fp8')
    # CUDA: bf16 needs real bf16 tensor cores (Ampere, 8.0+); V100/T4 get float16 like nanoGPT
    monkeypatch.setattr(torch.cuda, 'current_device', lambda: 0)
    monkeypatch.setattr(torch.cuda, 'get_device_capability', lambda index=None: (7, 0))
    assert pick_dtype('cuda') == 'float16'
    monkeypatch.setattr(torch.cuda, 'get_device_capability', lambda index=None: (8, 0))
    assert pick_dtype('cuda:0') == 'bfloat16'


def test_autocast_context_cpu():
    a, b = torch.randn(4, 4), torch.randn(4, 4)
    ctx = autocast_context('cpu', 'float32')
    assert isinstance(ctx, contextlib.nullcontext)
    with ctx:
        assert (a @ b).dtype == torch.float32
    with autocast_context('cpu', 'bfloat16'):
        assert (a @ b).dtype == torch.bfloat16


def test_grad_scaler_only_for_float16():
    assert not hardware.make_grad_scaler('cpu', 'bfloat16').is_enabled()
    assert not hardware.make_grad_scaler('cpu', 'float32').is_enabled()


def test_device_type():
    assert hardware.device_type('cuda:3') == 'cuda'
    assert hardware.device_type('cpu') == 'cpu'


# --- peaks ------------------------------------------------------------------------------------

def test_benchmark_matmul_is_positive_and_short():
    flops = hardware.benchmark_matmul('cpu', 'float32', seconds=0.05, n=128)
    assert 1e6 < flops < 1e15


def test_measure_cpu_peak_caches(tmp_path, monkeypatch):
    calls = []

    def fake_benchmark(device, dtype, seconds):
        calls.append((device, dtype))
        return 123e9

    monkeypatch.setattr(hardware, 'benchmark_matmul', fake_benchmark)
    assert measure_cpu_peak(cache_dir=str(tmp_path)) == 123e9
    assert measure_cpu_peak(cache_dir=str(tmp_path)) == 123e9
    assert calls == [('cpu', 'float32')]  # the second call came from the cache
    data = json.loads((tmp_path / 'peak_flops.json').read_text())
    (key,) = data
    assert hardware.cpu_model() in key and torch.__version__ in key
    assert f"threads {torch.get_num_threads()}" in key and key.endswith('|float32')
    # bf16 is a separate entry; a corrupt cache is measured again, not a crash
    assert measure_cpu_peak('bfloat16', cache_dir=str(tmp_path)) == 123e9
    (tmp_path / 'peak_flops.json').write_text('{not json')
    assert measure_cpu_peak(cache_dir=str(tmp_path)) == 123e9
    assert len(calls) == 3
    assert measure_cpu_peak(cache=False, cache_dir=str(tmp_path / 'none')) == 123e9
    assert not (tmp_path / 'none').exists()


def test_default_cache_dir_is_the_user_cache(tmp_path, monkeypatch):
    monkeypatch.setenv('XDG_CACHE_HOME', str(tmp_path))
    monkeypatch.setattr(hardware, 'benchmark_matmul', lambda device, dtype, seconds: 5e9)
    assert measure_cpu_peak() == 5e9
    assert (tmp_path / 'plateau-lab' / 'peak_flops.json').exists()


def test_device_peak_flops_cpu(tmp_path, monkeypatch):
    monkeypatch.setattr(hardware, 'benchmark_matmul', lambda device, dtype, seconds: 7e9)
    assert device_peak_flops('cpu', cache_dir=str(tmp_path)) == (hardware.cpu_model(), 7e9, 'measured')


def test_device_peak_flops_cuda_table_and_fallback(monkeypatch):
    monkeypatch.setattr(torch.cuda, 'current_device', lambda: 0)
    monkeypatch.setattr(torch.cuda, 'get_device_name', lambda index=None: 'NVIDIA GeForce RTX 4070')
    assert device_peak_flops('cuda') == ('RTX 4070', 58.3e12, 'table')
    monkeypatch.setattr(torch.cuda, 'get_device_name', lambda index=None: 'NVIDIA Brand New GPU')
    monkeypatch.setattr(torch.cuda, 'get_device_capability', lambda index=None: (9, 0))
    monkeypatch.setattr(hardware, 'benchmark_matmul', lambda device, dtype: 1e14 if dtype == 'bfloat16' else 0)
    assert device_peak_flops('cuda:0') == ('NVIDIA Brand New GPU', 1e14, 'measured')
