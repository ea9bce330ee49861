import torch
torch.manual_seed(0)
def nodes(fn):  # a node's name and its next functions' names (no addresses)
    return fn.name(), [(f.name() if f is not None else None, i) for f, i in fn.next_functions]
a = torch.randn(2, 3, 4, requires_grad=True)
b = torch.randn(2, 4, 5, requires_grad=True)
c = torch.bmm(a, b)
print(c)
print(nodes(c.grad_fn))
c.backward(torch.randn(2, 3, 5))
print(a.grad, b.grad)
# large enough for one gemm per batch (k·m·n ≥ 400)
x = torch.randn(3, 7, 9, requires_grad=True)
y = torch.randn(3, 9, 11, requires_grad=True)
z = x.bmm(y)
print(z.sum().item(), z[1, 2].tolist())
z.backward(torch.randn(3, 7, 11))
print(x.grad[2].tolist(), y.grad[0, 0].tolist())
print(torch.bmm(torch.arange(12).view(2, 2, 3), torch.arange(12).view(2, 3, 2)))
print(torch.bmm(a.double(), b.double()).dtype)
v = torch.randn(4, requires_grad=True)
w = torch.randn(3, requires_grad=True)
o = torch.outer(v, w)
print(o, nodes(o.grad_fn))
o.sum().backward()
print(v.grad, w.grad)
print(v.outer(w).shape, torch.ger(v, w).grad_fn.name(), v.ger(w).shape)
print(torch.outer(torch.arange(3), torch.arange(2)), torch.outer(torch.arange(3), torch.ones(2)))
m = torch.randn(4, 4, requires_grad=True)
t = torch.trace(m)
print(t, t.grad_fn.name(), m.trace().item())
t.backward()
print(m.grad)
print(torch.trace(torch.randn(3, 5)), torch.trace(torch.randn(5, 2)), torch.trace(torch.arange(9).view(3, 3)))
big = torch.randn(300, 300)
print(big.trace().item(), big.double().trace().item())
for f in [lambda: torch.bmm(m, b), lambda: torch.bmm(a, m), lambda: torch.bmm(a, torch.randn(3, 4, 5)),
          lambda: torch.bmm(a, torch.randn(2, 5, 4)), lambda: torch.bmm(a, b.double()), lambda: torch.outer(m, v),
          lambda: torch.outer(v, m), lambda: torch.trace(v), lambda: torch.trace(a),
          lambda: torch.trace(m > 0), lambda: torch.bmm(a > 0, b > 0)]:
    try:
        f()
    except Exception as err:
        print(type(err).__name__, err)
