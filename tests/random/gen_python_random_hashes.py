#!/usr/bin/env python3
# Prints the constants of tests/cpp/test_python_random.cpp, computed by CPython 3.11 itself:
# FNV-1a (64-bit) over the bits of 1,000,000 random() values and of 1,000,000 getrandbits(32)
# values, for a few seeds, plus hashlib's SHA-512 digests of a few strings.
#   /usr/bin/python3 tests/random/gen_python_random_hashes.py
import hashlib
import random
import struct

N = 1_000_000
FNV_OFFSET, FNV_PRIME, MASK = 0xCBF29CE484222325, 0x100000001B3, (1 << 64) - 1


def fnv1a(data, h=FNV_OFFSET):
    for byte in data:
        h = ((h ^ byte) * FNV_PRIME) & MASK
    return h


for seed in [0, 12345, -7, "gradlab"]:
    random.seed(seed)
    floats = fnv1a(b"".join(struct.pack("<d", random.random()) for _ in range(N)))
    random.seed(seed)
    words = fnv1a(b"".join(struct.pack("<I", random.getrandbits(32)) for _ in range(N)))
    print(f"seed {seed!r}: random() 0x{floats:016x}, getrandbits(32) 0x{words:016x}")
for text in ["", "abc", "gradlab", "x" * 111, "y" * 112, "z" * 300]:
    print(f"sha512({text[:3]!r} * {len(text)}): {hashlib.sha512(text.encode()).hexdigest()}")
