# Embedding, BatchNorm and LayerNorm odds and ends: 0-dim indices, float64 tables, momentum=None,
# eval/train switches, multi-dim normalized_shape, autograd.grad through layer_norm, reprs.
import torch
import torch.nn as nn
import torch.nn.functional as F
torch.manual_seed(5)
e = nn.Embedding(5, 3, padding_idx=1)
print(e(torch.tensor(3)))
print(e(torch.tensor([[1]])).shape)
print(F.embedding(torch.tensor([0, 4]), torch.randn(5, 2, dtype=torch.float64), padding_idx=-1))
bn = nn.BatchNorm1d(2, momentum=None)
print(bn)
for i in range(3):
    bn(torch.randn(4, 2))
print(bn.running_mean, bn.running_var, bn.num_batches_tracked)
bn2 = bn
print(bn2.running_mean, bn2.num_batches_tracked)
bn2.eval(); print(bn2.training, bn2(torch.ones(3, 2)))
bn2.train(); print(bn2.training)
try:
    F.layer_norm(torch.randn(2, 3), 3)
except TypeError as e:
    print(e)
ln = nn.LayerNorm([2, 3])
print(ln, ln.weight.shape)
print(ln(torch.randn(4, 2, 3)).sum(-1).sum(-1))
x = torch.randn(3, 4, requires_grad=True)
y = F.layer_norm(x, (4,))
g, = torch.autograd.grad(y.pow(2).sum(), x)
print(g)
print(nn.BatchNorm2d(3, affine=False, track_running_stats=False))
print(nn.Embedding(4, 2, max_norm=1.0, scale_grad_by_freq=True))
bn3 = nn.BatchNorm2d(2)
out = bn3(torch.randn(2, 2, 3, 3))
print(out.mean().item(), bn3.running_mean)
with torch.no_grad():
    print(nn.BatchNorm1d(3)(torch.randn(4, 3)).requires_grad)
bn5 = nn.BatchNorm3d(2)
print(bn5)
x5 = torch.randn(2, 2, 3, 2, 4, requires_grad=True)
y5 = bn5(x5)
(y5 * torch.randn(2, 2, 3, 2, 4)).sum().backward()
print(y5[1, 0, 2].tolist(), x5.grad[0, 1, 1].tolist(), bn5.weight.grad.tolist(), bn5.running_var.tolist())
try:
    bn5(torch.randn(2, 2, 3))
except ValueError as e:
    print(e)
