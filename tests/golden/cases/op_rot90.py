import torch
def viewable(t):  # whether t.view(-1) works: PyTorch's contiguity, as scripts can see it
    try:
        t.view(-1)
        return True
    except RuntimeError:
        return False
torch.manual_seed(2)
x = torch.randn(3, 4, requires_grad=True)
for k in [0, 1, 2, 3, -1, 5, -6]:
    r = torch.rot90(x, k)
    print(k, r.shape, r.grad_fn.name(), viewable(r))
print(torch.rot90(x))
print(x.rot90(1, [1, 0]))
y = torch.randn(2, 3, 4, requires_grad=True)
r = torch.rot90(y, k=-1, dims=(2, 0))
print(r)
(r * torch.arange(24.).reshape(r.shape)).sum().backward()
print(y.grad)
r1 = x.rot90()
(r1 * torch.arange(12.).reshape(4, 3)).sum().backward()
print(x.grad)
w = torch.randn(4, 5)
print(torch.mm(x.rot90(), torch.randn(3, 5)).shape)
for f in [lambda: torch.rot90(x, 1, [0]), lambda: torch.rot90(y, 1, [0, 3]), lambda: torch.rot90(y, 1, [0, -3]),
          lambda: torch.rot90(y, 1, [1, 1]), lambda: torch.rot90(y, 1, [4, 0]), lambda: torch.rot90(y, 1, [0, -4]),
          lambda: torch.rot90(torch.ones(3), 1), lambda: x.rot90(1).view(-1)]:
    try:
        f()
    except Exception as e:
        print(type(e).__name__, e)
