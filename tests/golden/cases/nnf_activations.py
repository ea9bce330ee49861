# leaky_relu, hardtanh, relu6, silu (SLEEF exp in whole vector pairs, the C library's in the
# tail) and the F.sigmoid / F.tanh / F.relu forms.
import torch
import torch.nn.functional as F
torch.manual_seed(0)
x = (torch.randn(37) * 4).requires_grad_()
x.data[0] = 0.0
x.data[1] = 1.0
x.data[2] = -1.0
x.data[3] = 6.0
g = torch.linspace(-1, 2, 37)
for name, f in [('leaky_relu', lambda v: F.leaky_relu(v)), ('leaky_relu_0.2', lambda v: F.leaky_relu(v, 0.2)),
                ('hardtanh', lambda v: F.hardtanh(v)), ('hardtanh_-2_3', lambda v: F.hardtanh(v, -2.0, 3.0)),
                ('relu6', F.relu6), ('silu', F.silu), ('sigmoid', F.sigmoid), ('tanh', F.tanh), ('relu', F.relu)]:
    y = f(x)
    print(name, y.grad_fn.name(), y.tolist())
    (y * g).sum().backward()
    print(x.grad.tolist())
    x.grad = None
xd = torch.randn(21, dtype=torch.float64, requires_grad=True)
y = F.silu(xd)
y.sum().backward()
print(y[:4], xd.grad[:4])
print(F.leaky_relu(torch.randn(3, 4), negative_slope=0.1))
print(F.hardtanh(torch.randn(2, 3), min_val=-0.5, max_val=0.5))
