# asin, acos, atan (and arcsin, arccos, arctan): values, gradients and grad_fn names, float32 and
# float64, small tensors and runs longer than one AVX2 vector, edge values, integer inputs.
import torch
x = torch.tensor([0.3, -0.5, 0.9, -0.999, 0.0], requires_grad=True)
for name in ['asin', 'acos', 'atan', 'arcsin', 'arccos', 'arctan']:
    y = getattr(torch, name)(x)
    print(name, y.grad_fn.name(), y)
    y.sum().backward()
    print(x.grad.tolist())
    x.grad = None
torch.manual_seed(0)
a = (torch.rand(53) * 2 - 1).requires_grad_()
g = torch.linspace(-1, 1, 53)
for name in ['asin', 'acos', 'atan']:
    y = getattr(a, name)()
    print(name, y.tolist())
    (y * g).sum().backward()
    print(a.grad.tolist())
    a.grad = None
w = (torch.randn(41) * 30).requires_grad_()
y = torch.atan(w)
print(y.tolist())
y.sum().backward()
print(w.grad.tolist())
b = (torch.rand(37, dtype=torch.float64) * 2 - 1).requires_grad_()
for name in ['asin', 'acos', 'atan']:
    y = getattr(b, name)()
    y.sum().backward()
    print(name, y.dtype, y.tolist(), b.grad.tolist())
    b.grad = None
edge = [0.0, -0.0, 1.0, -1.0, 1.0000001, -2.0, 0.5, -0.5, 0.49999997, 1e-30, -1e-40, float('inf'), float('-inf'), float('nan')]
for dt in [torch.float32, torch.float64]:
    e = torch.tensor(edge, dtype=dt)
    print(torch.asin(e).tolist(), torch.acos(e).tolist(), torch.atan(e).tolist())
print(torch.asin(torch.tensor([0, 1, -1])), torch.acos(torch.tensor([True, False])), torch.atan(torch.tensor([3, -7])))
print(torch.atan(torch.tensor([1e30, -3.4e38, 1e-5], dtype=torch.float64)))
m = torch.randn(4, 6)
print(torch.asin(m.t().clamp(-1, 1)).tolist(), torch.atan(m[:, ::2] * 5).tolist())
t = torch.tensor([0.25, -0.75])
t.asin_()
print(t)
t = torch.tensor([0.25, -0.75], dtype=torch.float64)
t.arccos_()
print(t)
t = torch.tensor([2.0, -0.5])
print(t.atan_(), t.arctan_(), torch.atan_(torch.tensor([1.0])), torch.arcsin_(torch.tensor([0.5])))
with torch.no_grad():
    p = torch.tensor([0.1, 0.2], requires_grad=True)
    p.acos_()
print(p, p.requires_grad)
