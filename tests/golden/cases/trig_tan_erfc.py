# tan and erfc: values, gradients (TanBackward0 saves the output), grad_fn names, float32 and
# float64; tan's argument reduction over whole vectors of 8 (a large or non-finite element
# changes how its neighbours are reduced), erfc's bands, edge values.
import torch
x = torch.tensor([0.3, -1.2, 1.5, 0.0, 3.0], requires_grad=True)
for name in ['tan', 'erfc']:
    y = getattr(torch, name)(x)
    print(name, y.grad_fn.name(), y)
    y.sum().backward()
    print(x.grad.tolist())
    x.grad = None
torch.manual_seed(0)
a = (torch.randn(45) * 3).requires_grad_()
g = torch.linspace(-1, 1, 45)
for name in ['tan', 'erfc']:
    y = getattr(a, name)()
    print(name, y.tolist())
    (y * g).sum().backward()
    print(a.grad.tolist())
    a.grad = None
b = (torch.randn(35, dtype=torch.float64) * 4).requires_grad_()
for name in ['tan', 'erfc']:
    y = getattr(b, name)()
    y.sum().backward()
    print(name, y.dtype, y.tolist(), b.grad.tolist())
    b.grad = None
r = torch.rand(24) * 200 - 100
print(torch.tan(r).tolist())
r[3] = 1000.0
r[17] = float('nan')
print(torch.tan(r).tolist())
big = torch.tensor([125.0, 1e6, 3e38, -7e20, 0.5, 1.25, -2.5, 100.0, 1.0, -0.0])
print(torch.tan(big).tolist())
d = torch.tensor([1e14, 3.0, 20.0, -40.5, 1e300, 0.7, float('inf'), 2.0, 1e10, -1e13], dtype=torch.float64)
print(torch.tan(d[[1, 2, 3, 5, 7, 8, 9]]).tolist(), torch.tan(d[:3]).tolist())
edge = [0.0, -0.0, 0.5, 0.99, 1.0, 2.2, 4.3, 9.9, 10.1, 12.0, 27.0, 28.0, -1.0, -5.0, -30.0, 1e-20, float('inf'), float('-inf'), float('nan')]
for dt in [torch.float32, torch.float64]:
    print(torch.erfc(torch.tensor(edge, dtype=dt)).tolist())
print(torch.erfc(torch.tensor([1, 2, -1])), torch.tan(torch.tensor([True, False])))
c = torch.linspace(-6, 12, 300)
print(torch.erfc(c).tolist())
print(torch.erfc(c.double()).tolist())
t = torch.tensor([0.5, 1.0])
print(t.tan_(), t.erfc_(), torch.tan_(torch.tensor([1.0])), torch.erfc_(torch.tensor([2.0], dtype=torch.float64)))
