# The activation modules: PyTorch's reprs and their forward passes.
import torch
import torch.nn as nn
torch.manual_seed(0)
mods = [nn.GELU(), nn.GELU(approximate='tanh'), nn.ELU(), nn.ELU(alpha=0.5), nn.SELU(), nn.CELU(alpha=2.0),
        nn.Softplus(), nn.Softplus(beta=2, threshold=10.5), nn.LogSigmoid(), nn.Hardswish(), nn.Hardsigmoid(),
        nn.Mish(), nn.Softsign(), nn.Tanhshrink()]
x = torch.randn(3, 5, requires_grad=True)
for m in mods:
    y = m(x)
    print(m, y.grad_fn.name())
    print(y)
    y.sum().backward()
    print(x.grad)
    x.grad = None
net = nn.Sequential(nn.Linear(4, 8), nn.GELU(), nn.Linear(8, 8), nn.SELU(), nn.Linear(8, 2), nn.Softplus())
print(net)
out = net(torch.randn(6, 4))
print(out)
out.sum().backward()
print(net[0].weight.grad)
