# square (PowBackward0), rsqrt, exp2, expm1, log1p, erf, log2, log10, sinh, cosh, asinh, acosh,
# atanh: values and
# gradients, float32 and float64, small tensors and runs longer than one AVX2 vector pair.
import torch
x = torch.tensor([0.3, 1.0, 2.0, 0.7], requires_grad=True)
for name in ['square', 'rsqrt', 'exp2', 'expm1', 'log1p', 'erf', 'log2', 'log10', 'sinh', 'cosh', 'asinh', 'acosh', 'atanh']:
    v = x + 1 if name == 'acosh' else (x - 0.5 if name == 'atanh' else x)
    y = getattr(torch, name)(v)
    print(name, y.grad_fn.name(), y)
    y.sum().backward()
    print(x.grad.tolist())
    x.grad = None
torch.manual_seed(0)
a = (torch.randn(50) * 2).requires_grad_()
g = torch.linspace(-1, 1, 50)
for name in ['expm1', 'log1p', 'erf', 'exp2', 'asinh', 'rsqrt', 'log2', 'log10', 'sinh', 'cosh']:
    v = a.abs() if name in ('log1p', 'rsqrt', 'log2', 'log10') else a
    y = getattr(torch, name)(v)
    print(name, y.tolist())
    (y * g).sum().backward()
    print(a.grad.tolist())
    a.grad = None
b = torch.rand(37, dtype=torch.float64) * 1.8 - 0.9
b.requires_grad_()
for name in ['atanh', 'erf', 'expm1', 'log1p', 'square', 'sinh', 'cosh']:
    y = getattr(b, name)()
    y.sum().backward()
    print(name, y.tolist(), b.grad.tolist())
    b.grad = None
print(torch.acosh(torch.tensor([1.0, 1.5, 10.0, 0.5])), torch.atanh(torch.tensor([-1.0, 1.0, 0.5])))
print(torch.expm1(torch.tensor([-0.0, 1e-10, 100.0, -100.0])), torch.log1p(torch.tensor([-1.0, -2.0, 1e-10, -0.0])))
print(torch.erf(torch.tensor([0.0, -0.0, 5.0, -5.0, float('inf')])), torch.rsqrt(torch.tensor([-1.0, 0.0, -0.0, 4.0])))
print(torch.square(torch.tensor([2, -3])), torch.square(torch.tensor([True, False])), torch.exp2(torch.tensor([3, -1])))
print(torch.erf(torch.tensor([1, 2])), torch.rsqrt(torch.tensor([4])), torch.arcsinh(torch.tensor([1.0])))
print(torch.log2(torch.tensor([0.0, -1.0, 1024.0, 3.0])), torch.log10(torch.tensor([1e-30, 100.0, float('inf')])))
print(torch.sinh(torch.tensor([-90.0, 1.0, 0.0])), torch.cosh(torch.tensor([0.0, 89.5, -2.0])), torch.log2(torch.tensor([8])))
