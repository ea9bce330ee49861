# Prints the reference rows of test_cpu_backend.cpp's float64 matmul test: for each product, an
# FNV-1a hash of PyTorch's result bits (row-major, little-endian). Inputs come from a 64-bit LCG
# (top 53 bits / 2^53 - 0.5, exact in any language). Run with the real PyTorch:
#   OPENBLAS_CORETYPE=Haswell OPENBLAS_NUM_THREADS=1 OMP_NUM_THREADS=1 /usr/bin/python3 tests/cpp/dgemm_reference.py
import struct
import torch

# m, n, k, trans_a, trans_b, accumulate (addmm onto a bias of the output's shape)
CASES = [
    (9, 5, 9, 0, 0, 0), (1, 9, 40, 0, 0, 0), (11, 7, 40, 1, 0, 0), (25, 13, 70, 0, 1, 0),
    (33, 70, 17, 1, 1, 0), (8, 3, 300, 0, 0, 0), (5, 17, 600, 1, 0, 1), (3, 1030, 5, 0, 0, 0),
    (1, 1, 700, 0, 0, 0), (70, 70, 70, 0, 0, 1), (49, 33, 513, 1, 1, 1), (27, 600, 30, 0, 1, 0),
    (57, 9, 8, 0, 0, 0), (2, 2, 1, 1, 1, 1), (37, 1, 40, 0, 0, 0), (1030, 1, 300, 1, 0, 1),
]

state = 0x2545F4914F6CDD1D


def values(count):
    global state
    out = []
    for _ in range(count):
        state = (state * 6364136223846793005 + 1442695040888963407) % 2**64
        out.append((state >> 11) * 2.0**-53 - 0.5)
    return out


def fnv1a(t):
    h = 0xCBF29CE484222325
    for byte in struct.pack("<%dd" % t.numel(), *t.flatten().tolist()):
        h = ((h ^ byte) * 0x100000001B3) % 2**64
    return h


for m, n, k, ta, tb, acc in CASES:
    a = torch.tensor(values(m * k), dtype=torch.float64)
    b = torch.tensor(values(k * n), dtype=torch.float64)
    a = a.view(k, m).t() if ta else a.view(m, k)
    b = b.view(n, k).t() if tb else b.view(k, n)
    if acc:
        c0 = torch.tensor([4 * v for v in values(m * n)], dtype=torch.float64).view(m, n)
        c = torch.addmm(c0, a, b)
    else:
        c = torch.mm(a, b)
    print("      {%d, %d, %d, %s, %s, %s, 0x%016xull}," % (m, n, k, "true" if ta else "false",
          "true" if tb else "false", "true" if acc else "false", fnv1a(c)))
