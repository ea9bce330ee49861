import torch
def viewable(t):  # whether t.view(-1) works: PyTorch's contiguity, as scripts can see it
    try:
        t.view(-1)
        return True
    except RuntimeError:
        return False
torch.manual_seed(3)
x = torch.randn(2, 7, requires_grad=True)
u = x.unfold(1, 3, 1)
print(u)
print(viewable(u), x.unfold(1, 2, 2).shape, x.unfold(0, 1, 1).shape, x.unfold(-1, 7, 3).shape)
w = torch.randn(2, 5, 3)
(u * w).sum().backward()
print(x.grad)
z = torch.randn(3, 5, 4, dtype=torch.float64, requires_grad=True)
v = z.unfold(1, 4, 1).unfold(2, 2, 1)
print(v.shape, v.grad_fn.name())
v.pow(2).sum().backward()
print(z.grad)
print(torch.tensor(5.).unfold(0, 1, 1))
a = torch.arange(10., requires_grad=True)
print(a.unfold(0, 4, 3), a.unfold(dimension=0, size=2, step=5))
print(a.unfold(0, 3, 2).reshape(-1).grad_fn.name())
c = torch.randn(8, 12, requires_grad=True)
p = c.unfold(0, 3, 1).unfold(1, 5, 2)
p.exp().mean().backward()
print(c.grad)
for f in [lambda: x.unfold(1, 8, 1), lambda: x.unfold(1, 2, 0), lambda: x.unfold(1, -1, 1), lambda: x.unfold(2, 2, 1),
          lambda: torch.tensor(5.).unfold(0, 2, 1), lambda: x.unfold(1, 3, 1).view(-1)]:
    try:
        f()
    except Exception as e:
        print(type(e).__name__, e)
