#!/usr/bin/python3
"""Writes sum_cases.txt: PyTorch 1.13's bits for full sums and sums over dims, checked by
tests/cpp/test_sum_order.cpp (never edited by hand).

Run with the Python that has torch:  /usr/bin/python3 tests/sum_cases/gen_sum_cases.py

Every input is generated from its seed by the same splitmix64 stream in test_sum_order.cpp:
element i is m * 2^(e - 40) (float32: m a signed 24-bit integer; float64: a signed 53-bit
integer; e in 0..15), so both languages build it exactly, and sums round at every step.

File format: one case per line, space separated:
  dtype(f32|f64) seed rank size... reduced-dims-mask n-results result-bits-in-hex...
where bit d of the mask (dim 0 = bit 0) marks a reduced dim (reduce over every dim: a full sum),
and the results are sum(dims, keepdim=True) in row-major order, as IEEE bit patterns.
"""
import os
import struct

import torch

OUT = os.path.join(os.path.dirname(os.path.abspath(__file__)), "sum_cases.txt")
M64 = (1 << 64) - 1


def splitmix64(state):
    state = (state + 0x9E3779B97F4A7C15) & M64
    z = state
    z = ((z ^ (z >> 30)) * 0xBF58476D1CE4E5B9) & M64
    z = ((z ^ (z >> 27)) * 0x94D049BB133111EB) & M64
    return state, z ^ (z >> 31)


def make_input(dtype, seed, n):
    bits = 24 if dtype == "f32" else 53
    state = seed
    vals = []
    for _ in range(n):
        state, r = splitmix64(state)
        m = (r >> (64 - bits)) - (1 << (bits - 1))
        e = r & 15
        vals.append(float(m) * 2.0 ** (e - 40))
    return torch.tensor(vals, dtype=torch.float32 if dtype == "f32" else torch.float64)


def hexbits(dtype, v):
    if dtype == "f32":
        return "%08x" % struct.unpack("<I", struct.pack("<f", v))[0]
    return "%016x" % struct.unpack("<Q", struct.pack("<d", v))[0]


lines = []


def case(dtype, shape, dims, seed):
    n = 1
    for s in shape:
        n *= s
    x = make_input(dtype, seed, n).reshape(shape)
    if dims is None:  # full sum
        r = x.sum().reshape([1] * len(shape))
        mask = (1 << len(shape)) - 1
    else:
        r = x.sum(dims, keepdim=True)
        mask = sum(1 << d for d in dims)
    vals = [hexbits(dtype, v) for v in r.flatten().tolist()]
    lines.append(" ".join([dtype, str(seed), str(len(shape))] + [str(s) for s in shape]
                          + [str(mask), str(len(vals))] + vals))


seed = 1
full_sizes = sorted(set(list(range(1, 300)) + [
    n + d for n in [256, 511, 512, 1024, 2048, 4096, 8192, 16384, 32768, 65536, 131072]
    for d in [-33, -32, -31, -17, -16, -9, -8, -1, 0, 1, 7, 8, 9, 16, 31, 32, 33]] + [
    3000, 5000, 10007, 100000, 200000, 262144 + 513]))
for dtype in ["f32", "f64"]:
    for n in full_sizes:
        case(dtype, [n], None, seed)
        seed += 1
    for shape in [[3, 5], [7, 33], [64, 100], [3, 4, 5], [9, 1, 40]]:  # full sums of n-d tensors
        case(dtype, shape, None, seed)
        seed += 1
    dim_cases = [
        ([5, 3], [1]), ([5, 3], [0]), ([3, 7], [1]), ([7, 3], [0]), ([4, 8], [1]), ([8, 4], [0]),
        ([33, 17], [0]), ([33, 17], [1]), ([17, 33], [0]), ([17, 33], [1]),
        ([100, 37], [0]), ([37, 100], [1]), ([300, 70], [0]), ([70, 300], [1]),
        ([5, 64], [0]), ([600, 129], [0]), ([129, 600], [1]), ([2, 5000], [1]), ([5000, 2], [0]),
        ([4000, 3], [0]), ([3, 4000], [1]), ([1000, 8], [0]), ([1000, 31], [0]),
        ([1000, 32], [0]), ([1000, 33], [0]), ([1000, 40], [0]), ([1000, 63], [0]),
        ([4, 6, 5], [0]), ([4, 6, 5], [1]), ([4, 6, 5], [2]), ([4, 6, 5], [0, 1]),
        ([4, 6, 5], [1, 2]), ([4, 6, 5], [0, 2]),
        ([7, 9, 11], [0]), ([7, 9, 11], [1]), ([7, 9, 11], [2]), ([7, 9, 11], [0, 2]),
        ([13, 40, 17], [1]), ([13, 40, 17], [0, 2]), ([13, 40, 17], [0, 1]), ([13, 40, 17], [1, 2]),
        ([50, 3, 70], [0, 2]), ([3, 200, 9], [0, 2]), ([3, 200, 9], [1]), ([20, 30, 40], [0]),
        ([20, 30, 40], [2]), ([20, 30, 40], [1]), ([6, 1, 50], [0]), ([6, 1, 50], [2]),
        ([1, 6, 50], [1]), ([6, 50, 1], [0]), ([1, 300, 1], [1]),
        ([3, 4, 5, 6], [0, 2]), ([3, 4, 5, 6], [1, 3]), ([3, 4, 5, 6], [0, 1, 3]),
        ([5, 2, 3, 9, 4], [0, 2, 4]), ([5, 2, 3, 9, 4], [1, 3]),
        ([2, 3, 500], [0, 1]), ([4000, 2, 3], [0]), ([64, 64, 3], [0, 1]),
    ]
    for shape, dims in dim_cases:
        case(dtype, shape, dims, seed)
        seed += 1

with open(OUT, "w") as f:
    f.write("# written by gen_sum_cases.py with torch %s (%s); do not edit\n"
            % (torch.__version__, torch.__config__.show().split("CPU capability usage: ")[1].split("\n")[0]))
    f.write("\n".join(lines) + "\n")
