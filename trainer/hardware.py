"""Which device and dtype to train on, and how many FLOP/s that device promises.

nanoGPT divides by a hard-coded 312e12 (the A100's dense bf16 peak) whatever
GPU it runs on, so its MFU reads ~3.2x too high on an H100 and far too low on
a laptop. We keep that number for compatibility (A100_BF16_PEAK) and add the
real peak of the device: a table for NVIDIA GPUs, a short measured matmul
benchmark for CPUs (and anything the table lacks).

torch is imported inside functions only: the analyzer imports the table.
"""
import contextlib
import json
import os
import platform
import re
import time

from trainer.atomic import write_atomic

A100_BF16_PEAK = 312e12  # nanoGPT's flops_promised, "A100 GPU bfloat16 peak flops is 312 TFLOPS"


class DeviceError(RuntimeError):
    """A device or dtype that cannot work here; the CLI prints it as one `error: ...` line."""


# Dense (no 2:4 sparsity) tensor-core peaks for 16-bit matmuls with FP32 accumulation,
# which is what a bf16/fp16 torch matmul uses. Data-center datasheets quote sparse numbers
# with an asterisk; we halve them. GeForce cards run FP16/BF16 with FP32 accumulate at half
# the rate of FP16 accumulate (the whitepapers list both, e.g. RTX 4090 330.3 vs 165.2
# TFLOPS), so their peaks here are the FP32-accumulate column; where a card is missing from
# the whitepaper tables we compute SMs x boost clock x 512 FLOP/clk/SM (Ampere and Ada
# GeForce; that formula reproduces the whitepaper's 3070, 3080, 3090, 4080 and 4090 rows).
GPU_PEAK_BF16 = {
    # Volta and Turing have no bf16: these are their fp16 tensor peaks, which is what
    # dtype=auto uses there (float16 + GradScaler). V100 datasheet: 125 (SXM2), 112 (PCIe), 130 (V100S).
    'V100 SXM2': 125e12,
    'V100 PCIe': 112e12,
    'V100S': 130e12,
    'T4': 65e12,             # T4 datasheet: 65 TFLOPS mixed-precision fp16
    # Ampere data center (datasheets; bf16 = fp16 tensor, sparse value halved)
    'A10': 125e12,
    'A10G': 70e12,           # AWS's A10 variant; NVIDIA publishes no sheet. 70 per Baseten's "A10 vs A10G" comparison
    'A30': 165e12,
    'A40': 149.7e12,
    'A100': 312e12,          # SXM4 and PCIe alike
    'A800': 312e12,
    'RTX A6000': 154.8e12,   # datasheet 309.7 TFLOPS tensor, sparse
    # Ada data center (datasheets)
    'L4': 121e12,
    'L40': 181e12,
    'L40S': 362e12,
    # Hopper and Blackwell (datasheets; llm.c's mfu.h derives the same 989 for H100 SXM)
    'H100 SXM': 989e12,
    'H100 PCIe': 756e12,
    'H100 NVL': 835e12,
    'H800': 989e12,
    'H200': 989e12,
    'H200 NVL': 835e12,
    'GH200': 989e12,
    'B200': 2250e12,
    # GeForce Ampere (GA102 whitepaper: 3070 40.6, 3080 59.5, 3090 71; others SMs x boost x 512)
    'RTX 3060': 25.5e12,     # 28 SMs x 1.777 GHz x 512; the often quoted ~51 is the fp16-accumulate rate
    'RTX 3060 Ti': 32.4e12,  # 38 x 1.665 GHz x 512
    'RTX 3070': 40.6e12,
    'RTX 3080': 59.5e12,
    'RTX 3080 Ti': 68.2e12,  # 80 x 1.665 GHz x 512
    'RTX 3090': 71e12,
    'RTX 3090 Ti': 80e12,    # 84 x 1.86 GHz x 512
    # GeForce Ada (Ada whitepaper: 4080 97.5, 4090 165.2; others SMs x boost x 512)
    'RTX 4060': 30.2e12,     # 24 x 2.46 GHz x 512
    'RTX 4060 Ti': 44.1e12,  # 34 x 2.535 GHz x 512
    'RTX 4070': 58.3e12,     # 46 x 2.475 GHz x 512; 116.6 with fp16 accumulate
    'RTX 4070 Super': 71e12,  # 56 x 2.475 GHz x 512
    'RTX 4070 Ti': 80.2e12,  # 60 x 2.61 GHz x 512
    'RTX 4070 Ti Super': 88.2e12,  # 66 x 2.61 GHz x 512
    'RTX 4080': 97.5e12,
    'RTX 4080 Super': 104.4e12,  # 80 x 2.55 GHz x 512
    'RTX 4090': 165.2e12,
    # GeForce Blackwell (SMs x boost x 512, matching the 209.5 quoted for the 5090)
    'RTX 5080': 112.6e12,    # 84 x 2.617 GHz x 512
    'RTX 5090': 209.5e12,    # 170 x 2.407 GHz x 512
}

# Other spellings, after _normalize(), of the names above (torch.cuda.get_device_name's included)
_ALIASES = {
    'v100': 'V100 SXM2', 'v100 sxm2': 'V100 SXM2', 'v100 pcie': 'V100 PCIe', 'v100s pcie': 'V100S',
    'a100 sxm4': 'A100', 'a100 sxm': 'A100', 'a100 pcie': 'A100', 'a800 sxm4': 'A800', 'a800 pcie': 'A800',
    'h100': 'H100 SXM', 'h100 sxm5': 'H100 SXM', 'h800 sxm': 'H800', 'h200 sxm': 'H200', 'a6000': 'RTX A6000',
}


def _normalize(name):
    """'NVIDIA GeForce RTX 4070' / 'rtx4070' -> 'rtx 4070'; 'NVIDIA H100 80GB HBM3' -> 'h100'."""
    s = re.sub(r'[^a-z0-9]+', ' ', name.lower())
    s = re.sub(r'\brtx(\d)', r'rtx \1', s)
    words = [w for w in s.split() if w not in ('nvidia', 'geforce', 'tesla', 'gpu')
             and not re.fullmatch(r'\d+gb|hbm\w*', w)]
    if len(words) == 1 and re.fullmatch(r'[2-5]0[5-9]0', words[0]):
        words.insert(0, 'rtx')  # a bare '4070'
    return ' '.join(words)


_LOOKUP = {_normalize(k): k for k in GPU_PEAK_BF16}
_LOOKUP.update({_normalize(k): v for k, v in _ALIASES.items()})


def lookup_gpu_peak(name):
    """(canonical name, dense bf16 peak FLOP/s) for a GPU name; KeyError lists the known names."""
    key = _normalize(name)
    if key in _LOOKUP:
        canonical = _LOOKUP[key]
        return canonical, GPU_PEAK_BF16[canonical]
    raise KeyError(f"unknown GPU {name!r}; known: {', '.join(GPU_PEAK_BF16)}")


# --- device and dtype ----------------------------------------------------------------

def device_type(device):
    """'cuda:1' -> 'cuda' (what torch.amp.autocast and fused AdamW want)."""
    return device.split(':')[0]


def pick_device(pref='auto'):
    """'auto' -> cuda, then mps, then cpu. An explicit device must be available."""
    import torch
    if pref == 'auto':
        if torch.cuda.is_available():
            return 'cuda'
        if getattr(torch.backends, 'mps', None) is not None and torch.backends.mps.is_available():
            return 'mps'
        return 'cpu'
    kind = device_type(pref)
    if kind == 'cuda' and not torch.cuda.is_available():
        raise DeviceError(f"device '{pref}' requested but CUDA is not available (try --device=cpu)")
    if kind == 'mps' and not (getattr(torch.backends, 'mps', None) is not None and torch.backends.mps.is_available()):
        raise DeviceError(f"device '{pref}' requested but MPS is not available (try --device=cpu)")
    return pref


def cuda_bf16_supported(device='cuda'):
    """Real bf16 tensor cores (compute capability >= 8.0). torch.cuda.is_bf16_supported() also
    says True for emulated bf16 on Volta/Turing in recent torch, which nanoGPT would then pick."""
    import torch
    index = torch.device(device).index
    return torch.cuda.get_device_capability(index if index is not None else torch.cuda.current_device())[0] >= 8


def pick_dtype(device, pref='auto'):
    """'auto': bfloat16 on CUDA with bf16 tensor cores, else float16 (like nanoGPT);
    float32 on cpu and mps (nanoGPT runs those without autocast)."""
    kind = device_type(device)
    if pref == 'auto':
        if kind == 'cuda':
            return 'bfloat16' if cuda_bf16_supported(device) else 'float16'
        return 'float32'
    if pref not in ('float32', 'bfloat16', 'float16'):
        raise DeviceError(f"dtype must be auto, float32, bfloat16 or float16; got '{pref}'")
    if kind == 'cpu' and pref == 'float16':
        raise DeviceError("dtype float16 is not supported on cpu; use bfloat16 or float32")
    return pref


def torch_dtype(dtype):
    import torch
    return {'float32': torch.float32, 'bfloat16': torch.bfloat16, 'float16': torch.float16}[dtype]


def autocast_context(device, dtype):
    """nullcontext for float32; torch.amp.autocast for 16-bit on cuda, cpu (bf16) and mps.
    Unlike nanoGPT, --dtype=bfloat16 on cpu really autocasts (AMX CPUs run it ~2x faster)."""
    if dtype == 'float32':
        return contextlib.nullcontext()
    import torch
    return torch.amp.autocast(device_type=device_type(device), dtype=torch_dtype(dtype))


def make_grad_scaler(device, dtype):
    """nanoGPT's GradScaler: enabled only for float16 (bf16 has fp32's exponent range)."""
    import torch
    return torch.amp.GradScaler(device_type(device), enabled=(dtype == 'float16'))


# --- peak FLOP/s ---------------------------------------------------------------------

def cpu_model():
    try:
        with open('/proc/cpuinfo') as f:
            for line in f:
                if line.startswith('model name'):
                    return line.split(':', 1)[1].strip()
    except OSError:
        pass
    return platform.processor() or platform.machine() or 'unknown cpu'


def _cache_path(cache_dir=None):
    if cache_dir is None:
        import platformdirs
        cache_dir = platformdirs.user_cache_dir('plateau-lab')
    return os.path.join(cache_dir, 'peak_flops.json')


def _read_cache(path):
    try:
        with open(path) as f:
            data = json.load(f)
        return data if isinstance(data, dict) else {}
    except (OSError, ValueError):
        return {}


def _write_cache(path, data):
    os.makedirs(os.path.dirname(path), exist_ok=True)
    write_atomic(path, json.dumps(data, indent=1, sort_keys=True))


def benchmark_matmul(device='cpu', dtype='float32', seconds=1.0, n=None):
    """Best achieved FLOP/s of square n x n matmuls over about `seconds` of repeats.

    A measured peak, not a datasheet one: it is what this machine's BLAS reaches on
    large matmuls, so MFU against it says how close the model gets to that.
    """
    import torch
    kind = device_type(device)
    n = n or (1024 if kind == 'cpu' else 4096)
    a = torch.randn(n, n, device=device, dtype=torch_dtype(dtype))
    b = torch.randn(n, n, device=device, dtype=torch_dtype(dtype))

    def sync():
        if kind == 'cuda':
            torch.cuda.synchronize(device)
        elif kind == 'mps':
            torch.mps.synchronize()

    torch.matmul(a, b)  # warm up the BLAS (thread pool, kernels)
    sync()
    best, start = 0.0, time.perf_counter()
    while True:
        t0 = time.perf_counter()
        torch.matmul(a, b)
        sync()
        dt = time.perf_counter() - t0
        best = max(best, 2 * n ** 3 / dt)
        if time.perf_counter() - start > seconds:
            return best


def measure_cpu_peak(dtype='float32', seconds=1.0, cache=True, cache_dir=None):
    """Measured CPU matmul FLOP/s for dtype, cached per CPU model, torch version and thread count."""
    import torch
    key = f"cpu|{cpu_model()}|torch {torch.__version__}|threads {torch.get_num_threads()}|{dtype}"
    path = _cache_path(cache_dir)
    data = _read_cache(path) if cache else {}
    value = data.get(key)
    if isinstance(value, (int, float)) and value > 0:
        return float(value)
    flops = benchmark_matmul('cpu', dtype, seconds)
    if cache:
        try:
            data[key] = flops
            _write_cache(path, data)
        except OSError:
            pass  # a read-only home must not stop training; we just measure again next time
    return flops


def device_peak_flops(device, dtype='float32', cache=True, cache_dir=None):
    """(name, peak FLOP/s, source) for MFU against the device actually used.

    source is 'table' (GPU_PEAK_BF16, a 16-bit tensor-core peak) or 'measured' (a
    matmul benchmark, for CPUs, MPS and GPUs missing from the table).
    """
    import torch
    kind = device_type(device)
    if kind == 'cuda':
        index = torch.device(device).index
        gpu = torch.cuda.get_device_name(torch.cuda.current_device() if index is None else index)
        try:
            name, flops = lookup_gpu_peak(gpu)
            return name, flops, 'table'
        except KeyError:
            return gpu, benchmark_matmul(device, 'bfloat16' if cuda_bf16_supported(device) else 'float16'), 'measured'
    if kind == 'mps':
        return 'Apple MPS', benchmark_matmul(device, dtype), 'measured'
    return cpu_model(), measure_cpu_peak(dtype, cache=cache, cache_dir=cache_dir), 'measured'
