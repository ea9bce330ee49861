#!/usr/bin/python3
"""Writes format_cases.txt: expected strings for tests/cpp/test_format.cpp, produced by real
PyTorch 1.13 and CPython (never edited by hand).

Run with the Python that has torch:  /usr/bin/python3 tests/format_cases/gen_format_cases.py

File format (tab-separated, one record per line):
  T <name> <dtype> <device> <grad_fn or -> <requires_grad 0/1> <shape, space-separated> <n>
  V <values, space-separated: repr(float) (exact for strtod) or decimal for int64>
    followed by exactly n lines of expected repr(tensor)
  R <float.hex(x)> <repr(x)>
  F <float.hex(x)> <spec> <format(x, spec)>
  X <float.hex(x)> <spec> <ValueError message of format(x, spec)>
A nan with its sign bit set is written -nan, which repr and float.hex cannot show.
"""
import math
import os
import random
import struct

import torch
from torch._tensor_str import _add_suffixes, _tensor_str

OUT = os.path.join(os.path.dirname(os.path.abspath(__file__)), "format_cases.txt")
lines = []


def enc(v, text):
    """A value's text for the file; a nan's sign would be lost by repr and float.hex."""
    if math.isnan(v) and math.copysign(1.0, v) < 0:
        return "-nan"
    return text


def tensor_record(name, t, device="cpu"):
    """Records repr(t). On a device other than cpu (no GPU here) the string is composed from
    PyTorch's own _tensor_str and _add_suffixes with the suffix order of _str_intern."""
    leaf_requires_grad = t.requires_grad and t.grad_fn is None
    grad_fn = type(t.grad_fn).__name__ if t.grad_fn is not None else "-"
    if device == "cpu":
        text = repr(t)
    else:
        with torch.no_grad():
            d = t.detach()
            suffixes = ["device='" + device + "'"]
            if d.numel() == 0:
                if d.dim() != 1:
                    suffixes.append("size=" + str(tuple(d.shape)))
                if d.dtype != torch.get_default_dtype():
                    suffixes.append("dtype=" + str(d.dtype))
                body = "[]"
            else:
                if d.dtype not in (torch.float32, torch.int64):
                    suffixes.append("dtype=" + str(d.dtype))
                body = _tensor_str(d, len("tensor("))
            if t.grad_fn is not None:
                suffixes.append("grad_fn=<" + grad_fn + ">")
            elif t.requires_grad:
                suffixes.append("requires_grad=True")
            text = _add_suffixes("tensor(" + body, suffixes, len("tensor("), force_newline=False)
    flat = t.detach().reshape(-1).tolist()
    if t.dtype == torch.int64:
        values = " ".join(str(v) for v in flat)
    else:
        values = " ".join(enc(v, repr(float(v))) for v in flat)
    dtype = str(t.dtype).replace("torch.", "")
    shape = " ".join(str(s) for s in t.shape)
    out = text.split("\n")
    lines.append("\t".join(["T", name, dtype, device, grad_fn, "1" if leaf_requires_grad else "0",
                            shape, str(len(out))]))
    lines.append("V\t" + values)
    lines.extend(out)


def tensor_cases():
    f32, f64, i64 = torch.float32, torch.float64, torch.int64
    torch.manual_seed(0)
    T = tensor_record
    # Wrapping of long rows.
    T("arange30", torch.arange(30.0))
    T("arange100_x1.1", torch.arange(100.0) * 1.1)
    T("randn_10x12", torch.randn(10, 12))
    T("randn_3x30", torch.randn(3, 30))
    T("int64_arange50", torch.arange(50))
    T("neg_row_25", -torch.arange(25.0) / 3)
    # Summarisation (more than 1000 elements).
    T("arange1000_not_summarised", torch.arange(1000.0))
    T("arange1001", torch.arange(1001.0))
    T("randn_40x40", torch.randn(40, 40))
    T("arange_11x11x11", torch.arange(1331.0).reshape(11, 11, 11) / 7)
    T("int64_arange2000", torch.arange(2000))
    T("edge_dims_of_7", torch.arange(1029.0).reshape(7, 7, 21) / 3)
    T("rows_1000x2", torch.arange(2000.0).reshape(1000, 2))
    T("cols_2x1000", torch.arange(2000.0).reshape(2, 1000) * 0.5)
    T("inner_2x2x2000", (torch.arange(8000.0).reshape(2, 2, 2000) - 4000) / 8)
    T("summarised_sci", torch.cat([torch.tensor([1e-7]), torch.ones(1500), torch.tensor([3e5])]))
    # Scientific-mode switches.
    T("small_1e-5", torch.tensor([1e-5, 1.0]))
    T("big_1e9_intmode", torch.tensor([1e9, 1.0]))
    T("mixed_sci", torch.tensor([1e-5, 1e5, -3.2]))
    T("ratio_exactly_1000", torch.tensor([1.0, 1000.0]))
    T("ratio_over_1000", torch.tensor([1.0, 1001.0]))
    T("exactly_1e8", torch.tensor([1e8]))
    T("above_1e8", torch.tensor([123456789.0]))
    # float32(1e-4) is just below 1e-4, so it alone switches to sci; the float64 one does not.
    T("f32_1e-4_is_below", torch.tensor([1e-4, 0.05]))
    T("f64_1e-4_not_below", torch.tensor([1e-4, 0.05], dtype=f64))
    T("min_below_1e-4", torch.tensor([5e-5, 1e-2]))
    T("sci_negative_2d", torch.tensor([[-1e-6, 2.5], [3.0, -4e6]]))
    T("f64_huge_range", torch.tensor([1e300, 1e-300, -5.0], dtype=f64))
    # Integer-valued floats and plain fixed point.
    T("int_valued", torch.tensor([16.0, -3.0, 100.0]))
    T("negatives", torch.tensor([-1.25, 0.5, -100.125]))
    T("f32_rounding", torch.tensor([0.1, 0.2, 0.3, 1.0 / 3]))
    T("arange_tenths", torch.arange(0.0, 1.0, 0.1))
    T("zeros_and_half", torch.tensor([0.0, 0.0, 0.5]))
    # Nesting and blank lines.
    T("blocks_2x3x4", torch.arange(24.0).reshape(2, 3, 4) - 5)
    T("blocks_2x2x2x2", torch.arange(16).reshape(2, 2, 2, 2))
    T("rank5", torch.arange(8.0).reshape(2, 1, 2, 1, 2) / 4)
    T("shape_1", torch.tensor([7.5]))
    T("shape_1x1x1", torch.tensor([[[2.0]]]))
    T("shape_3x1", torch.tensor([[1.0], [-2.0], [3.0]]))
    T("int64_2d_neg", torch.tensor([[-5, 10], [7, -1000]]))
    # 0-d tensors of each dtype.
    T("scalar_f32", torch.tensor(3.25))
    T("scalar_f32_int", torch.tensor(-7.0))
    T("scalar_f64", torch.tensor(0.1, dtype=f64))
    T("scalar_i64", torch.tensor(-42))
    T("scalar_sci", torch.tensor(1.5e-7))
    T("scalar_zero", torch.tensor(0.0))
    # Int64 wide values (exact in a double).
    T("int64_big", torch.tensor([123456789012345, -1, 0]))
    T("int64_pow2_62", torch.tensor([-(2 ** 62), 2 ** 53]))
    # inf / nan / negative zero.
    T("inf_nan_fixed", torch.tensor([float("inf"), float("-inf"), float("nan"), 1.5]))
    T("inf_intmode", torch.tensor([float("inf"), 1.0, 2.0]))
    T("nan_only", torch.tensor([float("nan")]))
    T("zero_and_inf", torch.tensor([0.0, float("-inf")]))
    T("inf_sci", torch.tensor([1e-8, float("inf"), float("nan")]))
    T("neg_nan", torch.tensor([-float("nan"), 1.5]))
    T("neg_zero_fixed", torch.tensor([-0.0, 1.5]))
    T("neg_zero_only", torch.tensor([-0.0, 0.0]))
    T("scalar_neg_zero", torch.tensor(-0.0))
    T("scalar_inf", torch.tensor(float("inf")))
    # Empty tensors.
    T("empty", torch.tensor([]))
    T("empty_0x3", torch.zeros(0, 3))
    T("empty_2x0x4", torch.zeros(2, 0, 4))
    T("empty_int64", torch.tensor([], dtype=i64))
    T("empty_f64_2d", torch.zeros(3, 0, dtype=f64))
    T("empty_requires_grad", torch.zeros(0, requires_grad=True))
    # dtype / autograd suffixes and where they break.
    T("f64_vector", torch.tensor([1.0, 2.5], dtype=f64))
    T("f64_sci", torch.tensor([1e-9, 1.0], dtype=f64))
    x = torch.arange(9.0).add(0.5).requires_grad_()
    T("requires_grad_wraps", x)
    T("requires_grad_fits", torch.arange(8.0).add(0.5).requires_grad_())
    T("grad_fn_wraps", x * 2)
    # PyTorch counts the last line 2 longer than it is: these suffixes would fit by a true count.
    T("suffix_count_quirk_rg", torch.ones(13, requires_grad=True))
    T("suffix_count_quirk_fits", torch.ones(12, requires_grad=True))
    T("suffix_count_quirk_gradfn", torch.ones(12, requires_grad=True) * 2)
    T("grad_fn_2d", torch.randn(3, 8, requires_grad=True).pow(2))
    T("f64_requires_grad_wraps",
      torch.arange(9.0, dtype=f64).add(0.5).requires_grad_())
    T("f64_dtype_wraps", torch.arange(10.0, dtype=f64).add(0.5))
    T("f64_grad_fn", torch.tensor([1.0, 2.0], dtype=f64, requires_grad=True).sum())
    T("scalar_grad_fn", torch.tensor(2.0, requires_grad=True) ** 2)
    T("summarised_grad_fn", torch.arange(1500.0, requires_grad=True) * 1)
    T("long_grad_fn_name", torch.tensor([[0.5] * 7], requires_grad=True).sigmoid())
    # Device suffix (composed from PyTorch's own functions; no GPU here).
    T("cuda_f32", torch.tensor([1.0, 2.0]), device="cuda:0")
    T("cuda_f64_grad", torch.tensor([1.5, 2.0], dtype=f64, requires_grad=True) * 3, device="cuda:0")
    T("cuda_wraps", torch.arange(9.0).add(0.5).requires_grad_(), device="cuda:0")
    T("cuda_empty_int", torch.zeros(0, 2, dtype=i64), device="cuda:0")
    T("cuda_scalar_int", torch.tensor(5), device="cuda:0")


def repr_cases():
    values = [-float("nan"), 0.1, 1 / 3, 1e16, 1e-5, 123456789012345680.0, 0.2623370289802551,
              0.26057523488998413, float("nan"), float("inf"), float("-inf"), -0.0, 0.0, 3.0,
              123456.7, 1e15, 1e17, 9999999999999998.0, 0.0001, 0.00001234, 1e-4, 5e-324,
              2.2250738585072014e-308, 1.7976931348623157e308, 2.5, -96.0, 1e22, 1e23,
              0.30000000000000004, 100.0, 1234567890123456.0, 12345678901234567.0, -1.5e-10]
    values += [struct.unpack("f", struct.pack("f", v))[0] for v in
               (0.1, 0.2, 0.3, 1 / 3, 2.0151, 0.9569, 1e-5, 3.4e38, 1.17549435e-38)]
    values += [math.ldexp(1.0, e) for e in range(-1074, 1024)]  # every power of two
    rng = random.Random(1234)
    for _ in range(1200):  # random bit patterns, all magnitudes
        v = struct.unpack("d", struct.pack("Q", rng.getrandbits(64)))[0]
        if math.isfinite(v):
            values.append(v)
    for _ in range(600):  # float32 values seen through a double, as .item() returns them
        v = struct.unpack("f", struct.pack("I", rng.getrandbits(32)))[0]
        if math.isfinite(v):
            values.append(v)
    for v in values:
        lines.append("R\t%s\t%s" % (enc(v, v.hex()), repr(v)))


def format_cases():
    specs = [".4f", ".3f", ".2f", ".0f", "f", ".4e", ".2e", "e", "E", ".0e", "#.0e", "#.0f",
             "g", "G", ".3g", ".1g", ".0g", "#g", "#.3g", "n", ".2n", "%", ".1%", ">8", "<8",
             "^9", "*^11.2f", "=+10.2f", "+", " ", "-", "+.3e", "08.3f", "010,.1f", "012_.2f",
             ",", "_", ",.2f", ",.0f", ",e", "8.3f", "10", ".2", ".3", ".17", ".20f", "z.1f",
             "z", "z.0e", "010", "<010", "0=12,.1f", "#", "#.0", "+#.0", "15,.4g", "x<7.1f",
             "\u00b7^10.2f", ".1E", ".2F", ".3G", "F", "09.4e", "0", "020,", "+012_.3e", "#%"]
    values = [0.0, -0.0, 1.0, -1.0, 0.5, 2.5, 3.14159, -2.71828, 1234.5, -1234567.891,
              1e16, 1e-5, 123456.7, 0.0004, -0.00004, 1e100, 1.5e-300, 96.0, 33.0, 0.0129,
              2.0151, 0.9569, 12.0, 100.0, 999.9999, 0.99995, 1e21, float("inf"),
              float("-inf"), float("nan"), -float("nan"), 5e-324, 1.7976931348623157e308]
    for spec in specs:
        for v in values:
            lines.append("F\t%s\t%s\t%s" % (enc(v, v.hex()), spec, format(v, spec)))
    bad = ["d", "s", "abc", ",_", "_,", ".f", ",n", "x", "10.2q", "..2"]
    for spec in bad:
        try:
            format(1.5, spec)
            raise AssertionError("spec %r unexpectedly accepted" % spec)
        except ValueError as e:
            lines.append("X\t%s\t%s\t%s" % ((1.5).hex(), spec, e))


tensor_cases()
repr_cases()
format_cases()
header = "# Generated by gen_format_cases.py with torch %s, Python %s. Do not edit.\n" % (
    torch.__version__, ".".join(map(str, __import__("sys").version_info[:3])))
with open(OUT, "w", encoding="utf-8") as f:
    f.write(header + "\n".join(lines) + "\n")
print("wrote", OUT, len(lines), "lines")
