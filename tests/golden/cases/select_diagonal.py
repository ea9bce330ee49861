import torch
def nodes(fn):  # a node's name and its next functions' names (no addresses)
    return fn.name(), [(f.name() if f is not None else None, i) for f, i in fn.next_functions]
m = torch.arange(12.).reshape(3, 4)
print(m.diagonal(), m.diagonal(1), torch.diagonal(m, -1), m.diagonal(offset=3), m.diagonal(-3), m.diagonal(4), m.diagonal(-5))
c = torch.arange(24).reshape(2, 3, 4)
print(c.diagonal(0, 1, 2), c.diagonal(1, 0, 2), torch.diagonal(c, -1, dim1=2, dim2=0), c.diagonal(dim1=-1, dim2=-2))
print(c.diagonal(0, 1, 2).shape, c.diagonal(2, 1, 2).shape)
y = torch.arange(24.).reshape(2, 3, 4).requires_grad_()
d = y.diagonal(1, 0, 2)
print(d, nodes(d.grad_fn))
(d * torch.tensor([[1., 2.], [3., 4.], [5., 6.]])).sum().backward()
print(y.grad)
# a view: writing into it writes into its base
base = torch.zeros(3, 3)
base.diagonal().fill_(7.)
base.diagonal(1).add_(1.)
print(base)
w = torch.eye(3, dtype=torch.float64, requires_grad=True)
print((w * 2).diagonal().sum(), torch.diagonal(w * 2, 0).mean())
for f in (lambda: c.diagonal(0, 0, 0), lambda: c.diagonal(0, -1, 2), lambda: c.diagonal(0, 0, 3), lambda: torch.ones(3).diagonal()):
    try:
        print(f())
    except Exception as e:
        print(type(e).__name__, e)
