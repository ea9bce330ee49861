import torch
torch.manual_seed(0)
def nodes(fn):  # a node's name and its next functions' names (no addresses)
    return fn.name(), [(f.name() if f is not None else None, i) for f, i in fn.next_functions]
y = torch.arange(24.).reshape(2, 3, 4).requires_grad_()
t = torch.take(y, torch.tensor([[0, 23], [-1, 5]]))
print(t, nodes(t.grad_fn))
(t * torch.tensor([[1., 2.], [3., 4.]])).sum().backward()
print(y.grad)
print(torch.arange(6).reshape(2, 3).take(torch.tensor(4)), torch.take(torch.zeros(0), torch.tensor([], dtype=torch.long)))
# index_add: slices added in index order, alpha scaling the source
x = torch.zeros(3, 4)
print(x.index_add(0, torch.tensor([0, 2, 0]), torch.arange(12.).reshape(3, 4), alpha=2))
print(torch.index_add(x, 1, torch.tensor([3, 1]), torch.ones(3, 2)), x.index_add(-1, torch.tensor([1]), torch.ones(3, 1)))
print(torch.zeros(5, dtype=torch.long).index_add(0, torch.tensor([1, 1, 4]), torch.tensor([3, 4, 5]), alpha=3))
print(torch.zeros(3, dtype=torch.long).index_add(0, torch.tensor([0, 2]), torch.ones(2, dtype=torch.long), alpha=2.5))
print(torch.zeros(3).index_add(0, torch.tensor(1), torch.tensor(2.)), torch.tensor(5.).index_add(0, torch.tensor([0, 0]), torch.tensor([2., 3.])))
b = torch.ones(2, 3)
b.index_add_(1, torch.tensor([2, 2, 0]), torch.tensor([[1., 2., 3.], [4., 5., 6.]]))
print(b)
# float32 rounding with alpha: many small additions
r = torch.randn(6, 5)
s = torch.randn(9, 5)
idx = torch.randint(0, 6, (9,))
print(r.index_add(0, idx, s, alpha=0.3).tolist())
print(r[0].index_add(0, torch.randint(0, 5, (9,)), s[:, 0], alpha=0.7).tolist())
print(r.double().index_add(0, idx, s.double(), alpha=-1.3).tolist())
a = torch.randn(3, 4, requires_grad=True)
src = torch.randn(3, 2, requires_grad=True)
out = a.index_add(1, torch.tensor([3, 3]), src, alpha=1.5)
print(nodes(out.grad_fn))
(out * torch.arange(12.).reshape(3, 4)).sum().backward()
print(a.grad, src.grad)
c = a.detach().clone().requires_grad_()
d = c * 1
d.index_add_(0, torch.tensor([1]), torch.ones(1, 4))
print(d.grad_fn.name())
# fmod: truncated remainder with the dividend's sign
p = torch.tensor([5.5, -3.5, 2.0, -0.0, 7.25], requires_grad=True)
q = torch.tensor([2., 1.5, -0.7, 3.0, -2.5], requires_grad=True)
f = torch.fmod(p, q)
print(f, nodes(f.grad_fn))
f.sum().backward()
print(p.grad, q.grad)
g = p.fmod(2)
print(g, nodes(g.grad_fn), p.fmod(torch.tensor(2.)).grad_fn.name())
print(torch.fmod(torch.tensor([-3, 7, -8]), 3), torch.fmod(torch.tensor([-3, 7]), 2.5), torch.fmod(torch.tensor([True]), 3))
print(torch.fmod(torch.tensor([5, -5], dtype=torch.int32), 3), torch.fmod(torch.tensor([5., -5.]), torch.tensor([0, 3])))
print(torch.fmod(torch.tensor([5.5, -5.5, 0.0]), float('inf')), torch.fmod(torch.randn(3, 4), torch.randn(4)).tolist())
print(torch.fmod(torch.randn(5) * 10, 0.1).tolist(), torch.fmod(torch.randn(5, dtype=torch.float64) * 10, 0.1).tolist())
for fn in (lambda: torch.take(y, torch.tensor([24])), lambda: torch.take(y, torch.tensor([-25])),
           lambda: torch.take(y, torch.tensor([1.])), lambda: torch.take(torch.zeros(0), torch.tensor([0])),
           lambda: torch.take(y, torch.tensor([1], dtype=torch.int32)),
           lambda: x.index_add(0, torch.tensor([0, 3]), torch.ones(2, 4)), lambda: x.index_add(0, torch.tensor([0, 1]), torch.ones(3, 4)),
           lambda: x.index_add(0, torch.tensor([0., 1.]), torch.ones(2, 4)), lambda: x.index_add(0, torch.tensor([[0, 1]]), torch.ones(2, 4)),
           lambda: x.index_add(0, torch.tensor([0, 1]), torch.ones(2, 4, dtype=torch.float64)), lambda: x.index_add(2, torch.tensor([0]), x),
           lambda: torch.fmod(torch.tensor([5, -5]), torch.tensor([0, 3])), lambda: torch.fmod(torch.tensor([4]), 0)):
    try:
        print(fn())
    except Exception as e:
        print(type(e).__name__, e)
