# binary_cross_entropy (the C library's log1p and log, clamped at -100) and
# binary_cross_entropy_with_logits (log-sum-exp with pos_weight), with weights and every reduction.
import torch
import torch.nn.functional as F
torch.manual_seed(0)
p = torch.rand(6, 7).requires_grad_()
t = torch.rand(6, 7)
w = torch.rand(7)
for r in ['mean', 'sum', 'none']:
    y = F.binary_cross_entropy(p, t, reduction=r)
    print(r, y.grad_fn.name(), y.tolist() if r != 'none' else y[0].tolist())
    y.sum().backward()
    print(p.grad[0].tolist())
    p.grad = None
    y = F.binary_cross_entropy(p, t, weight=w, reduction=r)
    print(y.tolist() if r != 'none' else y[1].tolist())
    y.sum().backward()
    print(p.grad[1].tolist())
    p.grad = None
print(F.binary_cross_entropy(torch.tensor([0.0, 1.0, 0.5]), torch.tensor([1.0, 0.0, 0.5])))
z = (torch.randn(6, 7) * 3).requires_grad_()
pw = torch.rand(7) * 2
for r in ['mean', 'sum', 'none']:
    y = F.binary_cross_entropy_with_logits(z, t, reduction=r)
    print(r, y.grad_fn.name(), y.tolist() if r != 'none' else y[0].tolist())
    y.sum().backward()
    print(z.grad[0].tolist())
    z.grad = None
    y = F.binary_cross_entropy_with_logits(z, t, pos_weight=pw, reduction=r)
    print(y.tolist() if r != 'none' else y[2].tolist())
    y.sum().backward()
    print(z.grad[2].tolist())
    z.grad = None
    y = F.binary_cross_entropy_with_logits(z, t, weight=w, reduction=r)
    print(y.tolist() if r != 'none' else y[3].tolist())
    y.sum().backward()
    print(z.grad[3].tolist())
    z.grad = None
y = F.binary_cross_entropy_with_logits(z, t)
print(y, [None if f is None else f.name().replace('torch::autograd::', '') for f, _ in y.grad_fn.next_functions])
zd = torch.randn(40, dtype=torch.float64, requires_grad=True)
y = F.binary_cross_entropy_with_logits(zd, torch.rand(40, dtype=torch.float64))
y.backward()
print(y, zd.grad[:4])
print(F.binary_cross_entropy_with_logits(torch.tensor([100.0, -100.0, 0.0]), torch.tensor([0.0, 1.0, 1.0]), reduction='none'))
