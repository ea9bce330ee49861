# nn.LayerNorm and F.layer_norm: values, gradients and node names, bit for bit.
import torch
import torch.nn as nn
import torch.nn.functional as F

def nodes(t):
    return t.grad_fn.name(), [(f.name() if f is not None else None, i) for f, i in t.grad_fn.next_functions]


torch.manual_seed(0)
ln = nn.LayerNorm(5)
print(ln)
print(ln.weight, ln.bias)
x = torch.randn(3, 5, requires_grad=True)
y = ln(x)
print(nodes(y), nodes(F.layer_norm(x, [5])))
print(y.tolist())
(y * torch.randn(3, 5)).sum().backward()
print(x.grad.tolist())
print(ln.weight.grad.tolist())
print(ln.bias.grad.tolist())

ln2 = nn.LayerNorm([4, 6], eps=1e-3, elementwise_affine=False)
print(ln2, list(ln2.parameters()))
x2 = (torch.randn(2, 3, 4, 6) * 10 + 5).requires_grad_()
y2 = ln2(x2)
print(y2[1, 2].tolist())
y2.pow(3).mean().backward()
print(x2.grad[0, 1].tolist())

# wide rows: the cascade of partial moments
for n in [7, 8, 9, 129, 300, 1030]:
    x3 = (torch.randn(2, n) * 3 - 1).requires_grad_()
    w = torch.randn(n, requires_grad=True)
    b = torch.randn(n, requires_grad=True)
    y3 = F.layer_norm(x3, (n,), w, b)
    g = torch.randn(2, n)
    y3.backward(g)
    print(n, y3.sum().item(), y3[0, :5].tolist(), y3[1, -3:].tolist())
    print(x3.grad[0, :4].tolist(), x3.grad[1, -4:].tolist())
    print(w.grad[:4].tolist(), b.grad[-3:].tolist())

x4 = torch.randn(4, 10, dtype=torch.float64, requires_grad=True)
y4 = torch.layer_norm(x4, [10])
y4.sum().backward()
print(y4[0].tolist())
print(x4.grad[1].tolist())

w_only = torch.randn(5, requires_grad=True)
x5 = torch.randn(2, 5, requires_grad=True)
F.layer_norm(x5, [5], weight=w_only).exp().sum().backward()
print(x5.grad.tolist(), w_only.grad.tolist())
print(ln.state_dict())
for bad in [lambda: ln(torch.randn(2, 4)), lambda: F.layer_norm(torch.randn(2, 5), (5,), torch.ones(4))]:
    try:
        bad()
    except Exception as e:
        print(type(e).__name__, e)
