# torch.linalg.vecdot ((x * y).sum(dim): SumBackward1 over MulBackward0) and torch.linalg.diagonal
# (torch.diagonal over the last two dims by default).
import torch

torch.manual_seed(6)
x = torch.randn(3, 4, requires_grad=True)
y = torch.randn(3, 4, requires_grad=True)
v = torch.linalg.vecdot(x, y)
print(v)
print(v.grad_fn.name(), v.grad_fn.next_functions[0][0].name())
v.sum().backward()
print(x.grad)
print(torch.linalg.vecdot(x, y[0], dim=0))
print(torch.linalg.vecdot(x=torch.randn(5, dtype=torch.float64), y=torch.randn(5, dtype=torch.float64)))
for k in range(20):
    n = [1, 3, 8, 17, 33][k % 5]
    dtype = torch.float64 if k % 3 == 2 else torch.float32
    a = torch.randn(4, n, dtype=dtype)
    b = torch.randn(4, n, dtype=dtype)
    print('vd', k, torch.linalg.vecdot(a, b).tolist())
d = torch.linalg.diagonal(x)
print(d, d.grad_fn.name())
print(torch.linalg.diagonal(torch.arange(24.0).reshape(2, 3, 4), offset=1))
print(torch.linalg.diagonal(torch.arange(24.0).reshape(2, 3, 4), dim1=0, dim2=2))
