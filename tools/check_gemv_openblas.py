#!/usr/bin/python3
"""Checks gradlab's dot and mv bit for bit against the reference BLAS called directly.

Note [Matrix-vector rounding] (engine/backend/cpu/gemv_order.h): gradlab's dot and mv add in the
order of OpenBLAS 0.3.21's Haswell sdot/ddot and sgemv/dgemv, called as PyTorch 1.13 calls them.
This script writes one gradlab script of random cases (sizes up to ~5000, odd ones, float32 and
float64, row-major and transposed matrices, strided and expanded vectors), runs it with gradlab,
and recomputes every result by calling libopenblas through ctypes on the same values (torch's
generator makes them: the script seeds it the same way), following PyTorch's addmv/dot dispatch;
with --torch it also runs the script under torch itself. Needs /usr/bin/python3 with torch:

  OPENBLAS_CORETYPE=Haswell OPENBLAS_NUM_THREADS=1 /usr/bin/python3 tools/check_gemv_openblas.py \
      build/native/gradlab [--cases 2000] [--seed 1] [--torch]
"""
import argparse
import ctypes
import os
import random
import subprocess
import sys
import tempfile

import numpy as np
import torch

BLAS = ctypes.CDLL("/usr/lib/x86_64-linux-gnu/libopenblas.so.0")
BLAS.sdot_.restype = ctypes.c_float
BLAS.ddot_.restype = ctypes.c_double
INT = ctypes.c_int


def draw_cases(count, rng):
    """(op, bits, rows, cols, layout, vstride): layout 'row' (contiguous) or 'col' (a transpose)."""
    cases = []
    for i in range(count):
        bits = rng.choice((32, 64))
        pick = lambda hi: rng.choice((rng.randint(1, 40), rng.randint(1, 300), rng.randint(1, hi)))
        vstride = rng.choice((1, 1, 1, 2, 3, 0 if i % 7 == 0 else 1))
        if rng.random() < 0.3:
            cases.append(("dot", bits, pick(5000), 1, "row", vstride if vstride else 1))
            continue
        rows, cols = pick(64 if i % 5 else 5000), pick(5000)
        if rng.random() < 0.5:
            rows, cols = cols, rows
        while rows * cols > 400000:
            rows = max(1, rows // 2)
        if vstride == 0:
            cols = min(cols, 200)
        cases.append(("mv", bits, rows, cols, rng.choice(("row", "col")), vstride))
    return cases


SCRIPT = """import torch
torch.manual_seed(SEED)
cases = CASES
for op, bits, rows, cols, layout, vs in cases:
    dtype = torch.float32 if bits == 32 else torch.float64
    if op == 'dot':
        a = torch.randn(rows * vs, dtype=dtype)[::vs]
        b = torch.randn(rows, dtype=dtype)
        print(repr(torch.dot(a, b).item()))
        continue
    if layout == 'row':
        A = torch.randn(rows, cols, dtype=dtype)
    else:
        A = torch.randn(cols, rows, dtype=dtype).t()
    if vs == 0:
        v = torch.randn(1, dtype=dtype).expand(cols)
    else:
        v = torch.randn(cols * vs, dtype=dtype)[::vs]
    print(' '.join(repr(x) for x in (A @ v).tolist()))
"""


def ptr(t):
    return ctypes.c_void_p(t.data_ptr())


def blas_gemv(trans, m, n, a, lda, x, incx, bits):
    """y = op(A)·x by sgemv_/dgemv_ with alpha 1, beta 0; a and x are base tensors."""
    ctype = ctypes.c_float if bits == 32 else ctypes.c_double
    leny = n if trans == b"t" else m
    y = torch.full((leny,), 7.0, dtype=torch.float32 if bits == 32 else torch.float64)
    fn = BLAS.sgemv_ if bits == 32 else BLAS.dgemv_
    fn(ctypes.c_char_p(trans), ctypes.byref(INT(m)), ctypes.byref(INT(n)), ctypes.byref(ctype(1)), ptr(a),
       ctypes.byref(INT(lda)), ptr(x), ctypes.byref(INT(incx)), ctypes.byref(ctype(0)), ptr(y), ctypes.byref(INT(1)))
    return y


def expected(cases, seed):
    """Each case's line, from libopenblas called as ATen 1.13's addmv_out_cpu / dot do."""
    torch.manual_seed(seed)
    lines = []
    for op, bits, rows, cols, layout, vs in cases:
        dtype = torch.float32 if bits == 32 else torch.float64
        if op == "dot":
            base = torch.randn(rows * vs, dtype=dtype)
            b = torch.randn(rows, dtype=dtype)
            inc = 1 if rows == 1 else vs  # dot_impl: n == 1 takes unit strides
            fn = BLAS.sdot_ if bits == 32 else BLAS.ddot_
            r = fn(ctypes.byref(INT(rows)), ptr(base), ctypes.byref(INT(inc)), ptr(b), ctypes.byref(INT(1)))
            lines.append(repr(float(np.float32(r)) if bits == 32 else float(r)))
            continue
        A = torch.randn(rows, cols, dtype=dtype) if layout == "row" else torch.randn(cols, rows, dtype=dtype).t()
        if vs == 0:  # gemv_use_fast_path refuses incx 0: ATen's loop, products rounded in order
            vals = torch.randn(1, dtype=dtype).expand(cols).numpy()
            a = A.numpy()
            y = []
            for i in range(rows):
                s = a.dtype.type(0)
                for j in range(cols):
                    s = s + a[i, j] * vals[j]
                y.append(float(s))
            lines.append(" ".join(repr(v) for v in y))
            continue
        vbase = torch.randn(cols * vs, dtype=dtype)
        lda_fits = lambda m, n, lda: n == 1 or lda >= max(1, m)
        s0, s1 = A.stride()
        if s0 == 1 and lda_fits(rows, cols, s1):
            y = blas_gemv(b"n", rows, cols, A, rows if cols == 1 else s1, vbase, vs, bits)
        elif s1 == 1 and lda_fits(cols, rows, s0):
            y = blas_gemv(b"t", cols, rows, A, cols if rows == 1 else s0, vbase, vs, bits)
        else:
            y = blas_gemv(b"t", cols, rows, A.contiguous(), cols, vbase, vs, bits)
        lines.append(" ".join(repr(v) for v in y.tolist()))
    return lines


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("gradlab")
    ap.add_argument("--cases", type=int, default=2000)
    ap.add_argument("--seed", type=int, default=1)
    ap.add_argument("--torch", action="store_true", help="also run the script under torch")
    args = ap.parse_args()
    if os.environ.get("OPENBLAS_CORETYPE") != "Haswell" or os.environ.get("OPENBLAS_NUM_THREADS") != "1":
        sys.exit("run with OPENBLAS_CORETYPE=Haswell OPENBLAS_NUM_THREADS=1")
    cases = draw_cases(args.cases, random.Random(args.seed))
    script = SCRIPT.replace("SEED", str(args.seed)).replace("CASES", repr(cases))
    with tempfile.NamedTemporaryFile("w", suffix=".py", delete=False) as f:
        f.write(script)
    got = subprocess.run([args.gradlab, "run", f.name], capture_output=True, text=True, check=True).stdout.splitlines()
    want = expected(cases, args.seed)
    sources = [("libopenblas", want)]
    if args.torch:
        ref = subprocess.run([sys.executable, f.name], capture_output=True, text=True, check=True).stdout.splitlines()
        sources.append(("torch", ref))
    os.unlink(f.name)
    bad = 0
    for name, lines in sources:
        differ = [i for i in range(len(cases)) if i >= len(got) or got[i] != lines[i]]
        for i in differ[:10]:
            print(f"{name}: case {cases[i]} differs")
        print(f"gradlab vs {name}: {len(cases) - len(differ)} of {len(cases)} cases bit-identical")
        bad += len(differ)
    sys.exit(1 if bad else 0)


if __name__ == "__main__":
    main()
