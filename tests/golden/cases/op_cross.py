import torch
torch.manual_seed(0)
def nodes(fn):
    return fn.name(), [(f.name() if f is not None else None, i) for f, i in fn.next_functions]
a = torch.randn(4, 3, requires_grad=True)
b = torch.randn(4, 3, requires_grad=True)
c = torch.cross(a, b, dim=1)
print(c, nodes(c.grad_fn))
c.backward(torch.randn(4, 3))
print(a.grad, b.grad)
x = torch.randn(3, 5, 2, dtype=torch.float64, requires_grad=True)
y = torch.randn(3, 1, 2, dtype=torch.float64, requires_grad=True)
z = x.cross(y, dim=0)
z.sum().backward()
print(z, x.grad, y.grad)
big = torch.randn(1000, 3)
other = torch.randn(1000, 3)
print(torch.cross(big, other, dim=-1)[-3:].tolist(), torch.cross(big.t(), other.t(), dim=0).sum().item())
print(torch.cross(torch.tensor([1, 2, 3]), torch.tensor([4, 5, 6]), dim=0), torch.cross(torch.eye(3), torch.ones(3, 3)))
for f in [lambda: torch.cross(torch.randn(2, 4), torch.randn(2, 4), dim=1), lambda: torch.cross(torch.randn(2, 3), torch.randn(3), dim=1),
          lambda: torch.cross(a, b.double(), dim=1), lambda: torch.cross(torch.randn(2, 4), torch.randn(2, 4)),
          lambda: torch.cross(a, torch.randn(5, 3), dim=1), lambda: torch.cross(a, b, dim=2), lambda: torch.cross(a, b, -3)]:
    try:
        f()
    except Exception as err:
        print(type(err).__name__, err)
