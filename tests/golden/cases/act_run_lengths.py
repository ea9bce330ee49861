# Every activation and the position-dependent math ops on runs of several lengths: which elements
# fall in ATen's AVX2 vector pairs (SLEEF) and which in the scalar tail (the C library) depends on
# the length, and float32 gelu switches to oneDNN from 2 elements on.
import torch
import torch.nn.functional as F
fs = [F.elu, F.selu, lambda v: F.celu(v, 0.8), F.softplus, F.gelu, lambda v: F.gelu(v, approximate='tanh'),
      F.logsigmoid, F.mish, F.hardsigmoid, F.hardswish, torch.sinh, torch.cosh, torch.erf, torch.expm1,
      torch.log1p, torch.exp2]
torch.manual_seed(1)
for dtype in [torch.float32, torch.float64]:
    for n in [1, 2, 3, 8, 15, 16, 17, 24, 33]:
        base = torch.randn(n, dtype=dtype) * 2.5
        for i, f in enumerate(fs):
            x = (base.abs() if i == 14 else base).clone().requires_grad_()
            y = f(x)
            y.backward(torch.ones(n, dtype=dtype) * 0.75)
            print(dtype, n, i, y.tolist(), x.grad.tolist())
