# floor, ceil, round (ties to even; decimals=), trunc, frac, sign: values, zero gradients
# (FloorBackward0, RoundBackward1, ...), frac's pass-through gradient, integer tensors keeping
# their dtype, and the errors for bool and integer inputs.
import torch
x = torch.tensor([-2.5, -1.5, -0.5, -0.0, 0.0, 0.4999, 0.5, 1.5, 2.5, 3.7, -3.7, 1e10, float('inf'), float('nan')],
                 requires_grad=True)
g = torch.linspace(-1, 1, 14)
for name in ['floor', 'ceil', 'round', 'trunc', 'frac', 'sign']:
    y = getattr(torch, name)(x)
    print(name, y.grad_fn.name(), y.tolist())
    print(y)
    (y * g).sum().backward()
    print(x.grad.tolist())
    x.grad = None
y = x.round(decimals=1)
print(y.grad_fn.name(), y)
y.sum().backward()
print(x.grad)
x.grad = None
print(torch.round(x, decimals=0).grad_fn.name())
torch.manual_seed(0)
r = torch.randn(40) * 100
for d in [-2, -1, 0, 1, 2, 3]:
    print(d, torch.round(r, decimals=d).tolist())
rd = torch.randn(12, dtype=torch.float64) * 50
print(torch.round(rd, decimals=2), rd.floor(), rd.ceil(), rd.trunc(), rd.frac(), rd.sign())
print(torch.tensor([1234.5678, 0.125, 2.675, -0.0051]).round(decimals=2).tolist())
i = torch.tensor([3, -2, 0, 7])
for name in ['floor', 'ceil', 'round', 'trunc', 'sign']:
    y = getattr(torch, name)(i)
    print(name, y, y.dtype)
print(torch.sign(torch.tensor([True, False])), torch.fix(torch.tensor([-1.5, 1.5])))
for f in [lambda: torch.frac(i), lambda: torch.round(i, decimals=1), lambda: torch.floor(torch.tensor([True])),
          lambda: torch.tensor([True]).round()]:
    try:
        f()
    except RuntimeError as e:
        print('RuntimeError:', e)
m = torch.tensor([[0.2, 1.7], [-0.6, 2.5]], requires_grad=True)
print(m.t().floor(), m[:, 1].round(), m.ceil().sum())
try:
    round(m)
except TypeError as e:
    print('TypeError:', e)
