# nll_loss (ATen's cascade sum over the batch, weights, ignore_index) and cross_entropy
# (log_softmax + nll_loss; class probabilities as a composite).
import torch
import torch.nn.functional as F
torch.manual_seed(0)
x = torch.randn(1000, 5, requires_grad=True)
t = torch.randint(0, 5, (1000,))
t[::7] = -100
w = torch.rand(5)
for r in ['mean', 'sum', 'none']:
    for weight in [None, w]:
        y = F.nll_loss(x, t, weight=weight, reduction=r)
        print(r, y.grad_fn.name(), y.item() if r != 'none' else y[:6].tolist())
        (y if r != 'none' else y * torch.linspace(-1, 1, 1000)).sum().backward()
        print(x.grad[:3].tolist())
        x.grad = None
        y = F.cross_entropy(x, t, weight=weight, reduction=r)
        print(r, y.grad_fn.name(), y.item() if r != 'none' else y[:6].tolist())
        (y if r != 'none' else y * torch.linspace(-1, 1, 1000)).sum().backward()
        print(x.grad[:3].tolist())
        x.grad = None
y = F.cross_entropy(x, t)
print(y, y.grad_fn.next_functions[0][0].name(), [f.name() for f, _ in y.grad_fn.next_functions])
tc = torch.randint(0, 5, (1000,))
print(F.nll_loss(x, tc, ignore_index=2).item(), F.cross_entropy(x, tc, ignore_index=0, reduction='sum').item())
print(F.cross_entropy(x[:4], torch.tensor([-100, -100, -100, -100])))
x1 = torch.randn(5, requires_grad=True)
y1 = F.cross_entropy(x1, torch.tensor(3), weight=w)
y1.backward()
print(y1, x1.grad)
print(F.nll_loss(x1, torch.tensor(1), reduction='none'), F.nll_loss(x1, torch.tensor(1), weight=w))
# class probabilities
p = torch.softmax(torch.randn(6, 5), 1)
xs = torch.randn(6, 5, requires_grad=True)
for r in ['mean', 'sum', 'none']:
    y = F.cross_entropy(xs, p, reduction=r)
    print(r, y.grad_fn.name(), y.tolist())
    y.sum().backward()
    print(xs.grad[0].tolist())
    xs.grad = None
y = F.cross_entropy(xs, p, weight=w, label_smoothing=0.1)
y.backward()
print(y.tolist(), xs.grad[1].tolist())
xd = torch.randn(4, 3, dtype=torch.float64, requires_grad=True)
yd = F.cross_entropy(xd, torch.tensor([0, 2, 1, 2]))
yd.backward()
print(yd, xd.grad)
