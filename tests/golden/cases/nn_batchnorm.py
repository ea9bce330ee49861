# nn.BatchNorm1d / BatchNorm2d and F.batch_norm: train and eval, running statistics, gradients.
import torch
import torch.nn as nn
import torch.nn.functional as F

def nodes(t):
    return t.grad_fn.name(), [(f.name() if f is not None else None, i) for f, i in t.grad_fn.next_functions]


torch.manual_seed(0)
bn = nn.BatchNorm1d(4)
print(bn)
print(bn.state_dict())
x = torch.randn(8, 4, requires_grad=True)
y = bn(x)
print(nodes(y))
print(y.tolist())
(y * torch.randn(8, 4)).sum().backward()
print(x.grad.tolist())
print(bn.weight.grad.tolist(), bn.bias.grad.tolist())
print(bn.running_mean.tolist(), bn.running_var.tolist(), bn.num_batches_tracked)
for step in range(3):
    bn(torch.randn(5, 4) * 2 + 1)
print(bn.running_mean.tolist(), bn.running_var.tolist(), bn.num_batches_tracked)
bn.eval()
xe = torch.randn(3, 4, requires_grad=True)
ye = bn(xe)
print(ye.tolist())
ye.sum().backward()
print(xe.grad.tolist(), bn.weight.grad.tolist())
print(bn.running_mean.tolist())

# (N, C, L) input, sum() gradient (an expanded gradient in PyTorch)
bn3 = nn.BatchNorm1d(3, momentum=0.3)
x3 = (torch.randn(4, 3, 7) * 5).requires_grad_()
y3 = bn3(x3)
print(y3[2].tolist())
y3.sum().backward()
print(x3.grad[1].tolist())
print(bn3.weight.grad.tolist(), bn3.bias.grad.tolist())
x3.grad = None
bn3.weight.grad = None
y3 = bn3(x3)
y3.pow(2).mean().backward()
print(x3.grad[0].tolist(), bn3.weight.grad.tolist())
print(bn3.running_mean.tolist(), bn3.running_var.tolist())

bn2 = nn.BatchNorm2d(2, affine=False)
print(bn2, list(bn2.parameters()))
x4 = (torch.randn(3, 2, 5, 6) + 3).requires_grad_()
y4 = bn2(x4)
print(y4[1, 1, 2].tolist())
(y4 * torch.randn(3, 2, 5, 6)).sum().backward()
print(x4.grad[2, 0, 4].tolist())
print(bn2.running_var.tolist())

nt = nn.BatchNorm1d(3, track_running_stats=False)
print(nt, nt.running_mean, list(nt.state_dict().keys()))
x5 = torch.randn(6, 3, requires_grad=True)
nt.eval()
y5 = nt(x5)
y5.sum().backward()
print(y5[0].tolist(), x5.grad[0].tolist())

rm, rv = torch.zeros(3), torch.ones(3)
x6 = torch.randn(5, 3, dtype=torch.float64)
print(F.batch_norm(x6, rm.double(), rv.double(), training=True)[0].tolist())
print(torch.batch_norm(torch.randn(4, 3), None, None, rm, rv, True, 0.5, 1e-3, False)[3].tolist(), rm.tolist(), rv.tolist())

for bad in [lambda: nn.BatchNorm1d(3)(torch.randn(1, 3)), lambda: nn.BatchNorm2d(3)(torch.randn(2, 3)),
            lambda: nn.BatchNorm1d(3)(torch.randn(2, 3, 4, 5))]:
    try:
        bad()
    except Exception as e:
        print(type(e).__name__, e)
