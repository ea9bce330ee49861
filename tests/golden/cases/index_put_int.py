import torch
torch.manual_seed(0)
def nodes(fn):  # a node's name and its next functions' names (no addresses)
    return fn.name(), [(f.name() if f is not None else None, i) for f, i in fn.next_functions]
y = torch.zeros(3, 4)
y[torch.tensor([0, 2])] = 1.
print(y)
y[[0, 1], [3, 3]] = torch.tensor([5., 6.])
print(y)
y[torch.tensor([0, 2]), 1] = 7
print(y)
y[1:, [0, 2]] = 9
print(y)
y[[0, 0], [1, 1]] += 1
print(y)
y[..., [2]] = torch.tensor([[-1.], [-2.], [-3.]])
print(y)
y[[2, 2, 2]] = torch.arange(12.).reshape(3, 4)
print(y)
n = torch.zeros(5, dtype=torch.int64)
n[torch.tensor([1, 3])] += 4
print(n)
x = torch.randn(3, 4, requires_grad=True)
h = x * 2
h[torch.tensor([1, 0])] = 0.
print(nodes(h.grad_fn))
h.sum().backward()
print(x.grad)
v = torch.ones(4, requires_grad=True)
z = torch.zeros(3, 4)
z[[0, 2]] = v * 3
print(z, z.grad_fn.name())
z.sum().backward()
print(v.grad)
a = torch.randn(4, 2, requires_grad=True)
b = a * 1
b[[1, 3]] += torch.ones(2)
print(nodes(b.grad_fn))
(b * b).sum().backward()
print(a.grad)
with torch.no_grad():
    a[[0, 1], 1] = 0.
print(a[:, 1].tolist()[:2], a.requires_grad)
