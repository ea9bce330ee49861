import torch
torch.manual_seed(0)
v = torch.randn(3, requires_grad=True)
for k in [0, 1, -2]:
    d = torch.diag(v, k)
    print(d, d.grad_fn.name())
d = torch.diag(v, 1)
d.backward(torch.randn(4, 4))
print(v.grad)
m = torch.randn(3, 4, requires_grad=True)
for k in [0, 1, -1, 3, 4, -3]:
    print(m.diag(k))
g = torch.diag(m, -1)
g.backward(torch.tensor([1., 2.]))
print(m.grad)
print(torch.diag(torch.arange(3)), torch.diag(torch.tensor([[True, False], [False, True]])))
x = torch.randn(2, 3, 4, requires_grad=True)
for k in [0, 1, -1, 5, -5]:
    print(torch.tril(x, k).sum().item(), torch.triu(x, diagonal=k).sum().item())
print(x.tril(), x.triu(1))
lo = torch.tril(x, -1)
up = x.triu()
print(lo.grad_fn.name(), up.grad_fn.name())
(lo * 2 + up).sum().backward()
print(x.grad)
y = torch.randn(4, 4)
y.tril_(1)
print(y)
y.triu_()
print(y)
z = torch.randn(3, 3, requires_grad=True)
w = z * 1
w.triu_(1)
print(w.grad_fn.name())
w.sum().backward()
print(z.grad)
print(torch.tril(torch.ones(4, 4, dtype=torch.int64)), torch.triu(torch.ones(2, 3) > 0))
for f in [lambda: torch.diag(x), lambda: torch.diag(torch.tensor(1.)), lambda: torch.tril(v), lambda: torch.triu(v),
          lambda: torch.tril(torch.tensor(2.)), lambda: m.diag(5)]:
    try:
        f()
    except Exception as err:
        print(type(err).__name__, err)
