import torch
torch.manual_seed(0)
x = torch.randn(3, 5, requires_grad=True)
l = torch.logsumexp(x, 1)
print(l, l.grad_fn.name())
l.backward(torch.tensor([1., -2., 0.5]))
print(x.grad)
print(x.logsumexp(0), x.logsumexp(dim=(0, 1)), torch.logsumexp(x, -1, keepdim=True), torch.logsumexp(x, [0, 1], True))
big = torch.randn(37, 1031) * 30
print(big.logsumexp(1)[:6].tolist(), big.logsumexp(0)[-6:].tolist(), big.logsumexp((0, 1)).item())
print(big.double().logsumexp(1)[:4].tolist())
inf = torch.tensor([[float('-inf'), float('-inf')], [float('inf'), 1.], [float('nan'), 1.], [1000., 1000.]])
print(torch.logsumexp(inf, 1))
print(torch.logsumexp(torch.tensor([1, 2, 3]), 0), torch.logsumexp(torch.tensor(2.), 0), torch.logsumexp(torch.zeros(0, 3), 0))
y = torch.randn(2, 3, 4, dtype=torch.float64, requires_grad=True)
s = torch.logsumexp(y, (0, 2), keepdim=True)
s.sum().backward()
print(s, y.grad)
try:
    torch.logsumexp(x, 2)
except Exception as err:
    print(type(err).__name__, err)
