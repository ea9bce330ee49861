# torch.dot and torch.mv (and the methods): DotBackward0 and MvBackward0, as matmul picks them by rank.
import torch
a = torch.tensor([1.0, 2.0, 3.0], requires_grad=True)
b = torch.tensor([4.0, -5.0, 6.0], requires_grad=True)
d = torch.dot(a, b)
print(d, a.dot(b))
d.backward()
print(a.grad, b.grad)
M = torch.tensor([[1.0, 2.0, 3.0], [0.5, -1.0, 2.0]], requires_grad=True)
v = torch.mv(M, b)
print(v, M.mv(b))
v.sum().backward()
print(M.grad, b.grad)
