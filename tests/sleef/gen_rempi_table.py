#!/usr/bin/env python3
"""Prints the float32 Payne-Hanek table of engine/sleef_math.h (GRADLAB_SLEEF_REMPI_TABLE).

It is SLEEF 3.5.1's Sleef_rempitabsp: 103 rows of four float words; row i serves arguments whose
binary exponent is i + 25 (smaller ones use row 0) and holds 1/(2*pi) without the bits that only
add whole turns for such arguments (1/(2*pi) mod 2^-(i+2)), scaled by 2^64 from row 66 on, split
into four words by SLEEF's own generator. That split is not plain round-to-nearest (the first word
of row 0 is 1/(2*pi) cut to 17 bits), and PyTorch's results depend on it in rare ties, so the
words are taken from the library PyTorch uses: the table is not an exported symbol, so it is found
in libsleef.so.3's read-only data by its first word and then checked — every row must equal
1/(2*pi) mod 2^-(i+2) (times 2^64 from row 66) to within 2^-80 of the row's value.

Run: /usr/bin/python3 tests/sleef/gen_rempi_table.py [path/to/libsleef.so.3]   (needs mpmath)
"""
import struct
import sys

import mpmath

mpmath.mp.prec = 3000
ROWS = 103
FIRST_WORD = float.fromhex("0x1.45f3p-3")  # 1/(2*pi) to 17 bits


def hex_float(w):
    """C++ hex-float literal, trailing zero digits trimmed: 0x1.45f3p-3f."""
    mant, exp = w.hex().split("p")
    mant = mant.rstrip("0").rstrip(".")
    return f"{mant}p{exp}f"


def find_table(data):
    inv_2pi = 1 / (2 * mpmath.pi)
    pattern = struct.pack("<f", FIRST_WORD)
    start = data.find(pattern)
    while start != -1:
        rows = [struct.unpack_from("<4f", data, start + 16 * i) for i in range(ROWS)]
        ok = True
        for i, words in enumerate(rows):
            want = inv_2pi % (mpmath.mpf(2) ** -(i + 2))
            if i > 65:
                want *= mpmath.mpf(2) ** 64
            got = sum(mpmath.mpf(w) for w in words)
            if abs(got - want) > want * mpmath.mpf(2) ** -80:
                ok = False
                break
        if ok:
            return rows
        start = data.find(pattern, start + 1)
    sys.exit("SLEEF's float32 rempi table not found in the library")


def main():
    path = sys.argv[1] if len(sys.argv) > 1 else "/usr/lib/x86_64-linux-gnu/libsleef.so.3"
    with open(path, "rb") as f:
        rows = find_table(f.read())
    for words in rows:
        print("  " + ", ".join(hex_float(w) for w in words) + ",")


if __name__ == "__main__":
    main()
