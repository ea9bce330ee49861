# atan2 and hypot where every element is in the C library's tail (runs shorter than a vector
# pair: 15 floats, 7 doubles): glibc's atan2, atan2f, hypot and hypotf digits, which the
# WebAssembly build reproduces with its ports (Note [glibc's libm]). Magnitudes from 1e-30 to
# 1e30, ratios near 1/16 and 1, equal magnitudes.
import torch
torch.manual_seed(3)
for dtype, n in [(torch.float32, 15), (torch.float64, 7)]:
    for scale in [1.0, 1e-30, 1e30, 1e-3]:
        for _ in range(12):
            y = torch.randn(n, dtype=dtype) * scale
            x = torch.randn(n, dtype=dtype) * scale
            print(torch.atan2(y, x).tolist())
            print(torch.hypot(y, x).tolist())
    base = torch.randn(n, dtype=dtype)
    for ratio in [0.0625, 0.0624, 0.0626, 1.0, 0.999, 1.001, 17.0, 1e-20, 1e20]:
        print(ratio, torch.atan2(base * ratio, base).tolist(), torch.atan2(base, -base * ratio).tolist())
        print(ratio, torch.hypot(base * ratio, base).tolist())
