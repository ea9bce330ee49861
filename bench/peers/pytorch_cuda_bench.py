# The PyTorch CUDA peer for `gradlab bench --device cuda` (issue 5's GPU sizes), plus the two
# ceilings the targets are measured against: cuBLAS's own SGEMM rate (torch.mm, TF32 off) and the
# device-to-device copy bandwidth (bytes read + bytes written).
#
#   python3 bench/peers/pytorch_cuda_bench.py [--seconds S]
# prints one JSON object. Same workloads and timing protocol as native/bench_api.cpp and
# native/bench.cpp: warm-up, then single steps (each ending in a synchronize) until S seconds.
import argparse
import json
import os
import sys

import torch

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import timing  # noqa: E402  (bench/peers/timing.py: the protocol every peer shares)

parser = argparse.ArgumentParser()
parser.add_argument("--seconds", type=float, default=1.0)
args = parser.parse_args()
torch.backends.cuda.matmul.allow_tf32 = False  # plain float32 SGEMM, as gradlab computes
dev = torch.device("cuda")


def wave(n, k, use_cos, shape, scale=1.0):
    a = torch.arange(n, dtype=torch.float32) * k
    return (scale * (torch.cos(a) if use_cos else torch.sin(a))).reshape(shape).to(dev)


def measure(step, seconds):
    """Median ms of step(), each run ending in a synchronize."""
    return timing.measure(step, seconds, torch.cuda.synchronize)["median_ms"]


def mlp():
    x, target = wave(64 * 64, 0.1, False, (64, 64)), wave(64 * 10, 0.2, True, (64, 10))
    W1 = wave(64 * 128, 0.37, False, (64, 128), 0.1).requires_grad_()
    b1 = torch.zeros(128, device=dev, requires_grad=True)
    W2 = wave(128 * 10, 0.53, True, (128, 10), 0.1).requires_grad_()
    b2 = torch.zeros(10, device=dev, requires_grad=True)

    def step():
        h = torch.tanh(x @ W1 + b1)
        loss = ((h @ W2 + b2 - target) ** 2).mean()
        loss.backward()
        with torch.no_grad():
            for p in (W1, b1, W2, b2):
                p -= 0.01 * p.grad
                p.grad = None
    return step


def matmul(n):
    A = wave(n * n, 0.01, False, (n, n)).requires_grad_()
    B = wave(n * n, 0.02, True, (n, n)).requires_grad_()

    def step():
        A.grad = B.grad = None
        (A @ B).sum().backward()
    return step


def elementwise(n):
    x = wave(n, 0.001, False, (n,)).requires_grad_()

    def step():
        x.grad = None
        (x ** 3 + x ** 2).sum().backward()
    return step


def sgemm_rate(n=4096):
    a, b = torch.randn(n, n, device=dev), torch.randn(n, n, device=dev)
    ms = measure(lambda: torch.mm(a, b), args.seconds)
    return 2 * n ** 3 / (ms * 1e6)


def copy_bandwidth(nbytes=2 << 30):
    src = torch.randn(nbytes // 4, device=dev)
    dst = torch.empty_like(src)
    ms = measure(lambda: dst.copy_(src), args.seconds)
    return 2 * nbytes / (ms * 1e6)


results = {
    "peer": "pytorch-cuda", "version": torch.__version__, "device": torch.cuda.get_device_name(0),
    "W2 mlp step ms": measure(mlp(), args.seconds),
    "W3 matmul 512 ms": measure(matmul(512), args.seconds),
    "W3 matmul 4096 ms": measure(matmul(4096), args.seconds),
    "W4 elementwise 1M ms": measure(elementwise(10 ** 6), args.seconds),
    "W4 elementwise 100M ms": measure(elementwise(10 ** 8), args.seconds),
    "cublas sgemm 4096 GFLOP/s": sgemm_rate(),
    "copy bandwidth GB/s": copy_bandwidth(),
}
print(json.dumps(results, indent=1))
