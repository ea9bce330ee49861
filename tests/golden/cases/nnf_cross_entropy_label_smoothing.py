# cross_entropy with label_smoothing and class-index targets: 1.13's composite of log_softmax,
# nll_loss, a masked sum over the classes, and the two MulBackward1 products.
import torch
import torch.nn.functional as F
torch.manual_seed(0)
x = torch.randn(50, 7, requires_grad=True)
t = torch.randint(0, 7, (50,))
t[::9] = -100
w = torch.rand(7)
for r in ['mean', 'sum', 'none']:
    for weight in [None, w]:
        y = F.cross_entropy(x, t, weight=weight, reduction=r, label_smoothing=0.1)
        print(r, y.grad_fn.name(), y.tolist() if r != 'none' else y.tolist()[:10])
        (y if r != 'none' else y * torch.linspace(-1, 1, 50)).sum().backward()
        print(x.grad[:3].tolist())
        x.grad = None
def chain(f):
    names = []
    while f is not None and len(names) < 7:
        names.append(f.name())
        nxt = [n for n, _ in f.next_functions if n is not None and 'AccumulateGrad' not in n.name()]
        f = nxt[-1] if nxt else None
    return names
for r in ['mean', 'sum', 'none']:
    for weight in [None, w]:
        print(r, weight is None, chain(F.cross_entropy(x, t, weight=weight, reduction=r, label_smoothing=0.1).grad_fn))
y = F.cross_entropy(x, t, label_smoothing=0.25)
print(y, [None if f is None else f.name() for f, _ in y.grad_fn.next_functions])
print([None if f is None else f.name() for f, _ in y.grad_fn.next_functions[1][0].next_functions])
x1 = torch.randn(5, requires_grad=True)
y1 = F.cross_entropy(x1, torch.tensor(2), label_smoothing=0.2)
y1.backward()
print(y1, x1.grad)
xd = torch.randn(6, 4, dtype=torch.float64, requires_grad=True)
yd = F.cross_entropy(xd, torch.tensor([0, 3, 1, -100, 2, 2]), weight=torch.rand(4, dtype=torch.float64), label_smoothing=0.3)
yd.backward()
print(yd, xd.grad)
