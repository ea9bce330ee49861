import torch
torch.manual_seed(0)
def nodes(fn):
    return fn.name(), [(f.name() if f is not None else None, i) for f, i in fn.next_functions]
a = torch.randn(2, 3, 4, requires_grad=True)
b = torch.randn(2, 4, 5, requires_grad=True)
c = a @ b
print(c, nodes(c.grad_fn))
c.backward(torch.randn(2, 3, 5))
print(a.grad, b.grad)
q = torch.randn(2, 4, 6, 8)
k = torch.randn(2, 4, 6, 8)
att = torch.matmul(q, k.transpose(-2, -1)) / 8 ** 0.5
print(att.shape, att.sum().item(), att[1, 2].tolist())
print(torch.matmul(torch.randn(3, 4), torch.randn(2, 4, 5)).shape, torch.matmul(torch.randn(4), torch.randn(2, 4, 5)))
print(torch.matmul(torch.randn(2, 1, 3, 4), torch.randn(5, 4, 2)).shape)
v = torch.randn(4, requires_grad=True)
p = torch.matmul(a, v)
print(p, nodes(p.grad_fn))
p.sum().backward()
print(v.grad)
w = torch.randn(3, 7, 9, requires_grad=True)
u = torch.randn(9, 6)
o = w.matmul(u)
print(o.sum().item(), o.grad_fn.name())
try:
    torch.matmul(torch.randn(2, 3, 4), torch.randn(3, 4, 5))
except Exception as err:
    print(type(err).__name__, err)
try:
    torch.matmul(torch.randn(2, 3, 4), torch.randn(2, 5, 5))
except Exception as err:
    print(type(err).__name__, err)
