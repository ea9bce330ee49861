import torch
def viewable(t):  # whether t.view(-1) works: PyTorch's contiguity, as scripts can see it
    try:
        t.view(-1)
        return True
    except RuntimeError:
        return False
torch.manual_seed(1)
x = torch.randn(2, 3, 4, requires_grad=True)
s = x.swapaxes(0, 2)
print(s.shape, s.grad_fn.name(), viewable(s))
print(torch.swapdims(x, -1, 1).shape, x.swapdims(dim0=0, dim1=1).shape, torch.swapaxes(x, axis0=1, axis1=2).shape)
u = x.unflatten(2, (2, 2))
print(u)
print(torch.unflatten(x, 1, (3, 1)).shape, x.unflatten(-1, [-1, 2]).shape, x.unflatten(1, torch.Size([1, 3])).shape)
print(x.unflatten(dim=0, sizes=(2,)).grad_fn.name())
t = x.transpose(1, 2)
ut = t.unflatten(1, (2, 2))
print(ut.shape, viewable(ut), ut.grad_fn.name())
(ut * torch.arange(24.).reshape(2, 2, 2, 3)).sum().backward()
print(x.grad)
for f in [lambda: x.unflatten(1, (4, 1)), lambda: x.unflatten(1, (-1, 2)), lambda: x.unflatten(2, (-1, -1)),
          lambda: x.unflatten(2, ()), lambda: x.unflatten(5, (2, 2)), lambda: x.unflatten(1, (-2, 3)),
          lambda: torch.tensor(1.).unflatten(0, (1,)), lambda: x.swapaxes(0, 3)]:
    try:
        f()
    except Exception as e:
        print(type(e).__name__, e)
