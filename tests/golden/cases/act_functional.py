# F.elu, selu, celu, softplus (beta, threshold), gelu ('none' and 'tanh'), logsigmoid, mish,
# hardsigmoid, hardswish: values, node names and gradients, float32 and float64, a tensor longer
# than one vector pair (SLEEF in the vectors, the C library in the tail) and single elements.
import torch
import torch.nn.functional as F
torch.manual_seed(0)
x = (torch.randn(45) * 3).requires_grad_()
x.data[0] = 0.0
x.data[1] = -3.0
x.data[2] = 3.0
x.data[3] = 25.0
x.data[40] = 3.0  # the tail: hardswish's backward differs there at 3
g = torch.linspace(-1, 2, 45)
fs = [('elu', lambda v: F.elu(v)), ('elu_0.5', lambda v: F.elu(v, alpha=0.5)), ('selu', F.selu),
      ('celu', lambda v: F.celu(v, alpha=1.5)), ('softplus', F.softplus), ('softplus_2_5', lambda v: F.softplus(v, beta=2, threshold=5)),
      ('gelu', F.gelu), ('gelu_tanh', lambda v: F.gelu(v, approximate='tanh')), ('logsigmoid', F.logsigmoid),
      ('mish', F.mish), ('hardsigmoid', F.hardsigmoid), ('hardswish', F.hardswish)]
for name, f in fs:
    y = f(x)
    print(name, y.grad_fn.name(), y.tolist())
    (y * g).sum().backward()
    print(x.grad.tolist())
    x.grad = None
xd = (torch.randn(21, dtype=torch.float64) * 3).requires_grad_()
for name, f in fs:
    y = f(xd)
    y.sum().backward()
    print(name, y.tolist(), xd.grad.tolist())
    xd.grad = None
s = torch.tensor([0.7], requires_grad=True)
for name, f in fs:
    y = f(s)
    y.backward()
    print(name, y.item(), s.grad.item())
    s.grad = None
t = torch.tensor([[-1.0, 0.5], [2.0, -0.25]])
print(F.gelu(t), F.elu(t), F.softplus(t), F.mish(t), F.hardswish(t), F.logsigmoid(t))
try:
    F.gelu(t, approximate='exact')
except RuntimeError as e:
    print('RuntimeError:', e)
try:
    F.elu(torch.tensor([1, 2]))
except RuntimeError as e:
    print('RuntimeError:', e)
for f in [F.softsign, F.tanhshrink]:
    y = f(x)
    print(y.grad_fn.name(), y.tolist())
    (y * g).sum().backward()
    print(x.grad.tolist())
    x.grad = None
