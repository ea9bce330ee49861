import torch
def viewable(t):  # whether t.view(-1) works: PyTorch's contiguity, as scripts can see it
    try:
        t.view(-1)
        return True
    except RuntimeError:
        return False
torch.manual_seed(0)
x = torch.randn(2, 3, 4, requires_grad=True)
n = x.narrow(1, 1, 2)
print(n)
print(torch.narrow(x, -1, -3, 2))
print(x.narrow(dim=2, start=torch.tensor(1), length=3).shape)
print(x.narrow(1, 3, 0).shape, viewable(x.narrow(0, 0, 2)), viewable(x.narrow(2, 1, 2)))
(n * torch.arange(8.).reshape(2, 1, 4)).sum().backward()
print(x.grad)
m = x.movedim(0, -1)
print(m.shape, m.grad_fn.name(), viewable(m))
print(torch.movedim(x, (0, 1), (2, 0)).shape, torch.moveaxis(x, [2], [0]).shape)
print(x.movedim(source=[], destination=[]).grad_fn.name())
print(viewable(x.moveaxis(1, 1)))
m2 = torch.movedim(x, (1, 2), (0, 1))
print(m2)
x.grad = None
(m2 * torch.arange(24.).reshape(3, 4, 2)).sum().backward()
print(x.grad)
print(m2.reshape(-1).grad_fn.name())
try:
    m2.view(-1)
except RuntimeError as e:
    print("RuntimeError", e)
for f in [lambda: x.narrow(1, 4, 0), lambda: x.narrow(1, 2, 2), lambda: x.narrow(1, 1, -1), lambda: x.narrow(3, 0, 1),
          lambda: torch.tensor(1.).narrow(0, 0, 1), lambda: x.narrow(1, torch.tensor(1.), 1), lambda: x.narrow(1, torch.tensor([1]), 1),
          lambda: x.movedim((0, 1), (1,)), lambda: x.movedim((0, 0), (1, 2)), lambda: x.movedim((0, 1), (2, -1)),
          lambda: x.movedim(3, 0), lambda: x.movedim((0,), 1), lambda: x.moveaxis(0.0, 1)]:
    try:
        f()
    except Exception as e:
        print(type(e).__name__, e)
