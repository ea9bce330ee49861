import torch
torch.manual_seed(0)
def nodes(fn):
    return fn.name(), [(f.name() if f is not None else None, i) for f, i in fn.next_functions]
x = torch.randn(2, 3, requires_grad=True)
r = x.repeat(2, 1, 3)
print(r, nodes(r.grad_fn))
r.backward(torch.randn(2, 2, 9))
print(x.grad)
print(x.repeat(1, 1).shape, x.repeat((3, 2)).shape, torch.arange(3).repeat(2), torch.tensor(5.).repeat(3))
# many copies: the gradient sums them with the sum reduction
y = torch.randn(3, requires_grad=True)
big = y.repeat(1000, 7)
big.backward(torch.randn(1000, 21))
print(y.grad.tolist())
print(x.repeat(2, 0).shape)
z = torch.randn(2, 2, requires_grad=True)
z.repeat(0, 2).sum().backward()
print(z.grad)
t = torch.tile(x, (2,))
print(t, t.grad_fn.name(), x.tile((2, 1, 1)).shape, x.tile(3, 1).shape, torch.tile(torch.arange(3), (2, 2)))
v = torch.randn(3, requires_grad=True)
ri = v.repeat_interleave(2)
print(ri, nodes(ri.grad_fn))
ri.backward(torch.arange(6.))
print(v.grad)
m = torch.arange(6.).view(2, 3).requires_grad_()
print(torch.repeat_interleave(m, 2, dim=0), m.repeat_interleave(3, dim=1), m.repeat_interleave(2), m.repeat_interleave(torch.tensor(2), dim=1))
mi = m.repeat_interleave(2, dim=-1)
print(mi.grad_fn.name())
mi.sum().backward()
print(m.grad)
for f in [lambda: x.repeat(2), lambda: x.repeat(-1, 1), lambda: x.tile((-1,)), lambda: v.repeat_interleave(-1),
          lambda: m.repeat_interleave(2, dim=2)]:
    try:
        f()
    except Exception as err:
        print(type(err).__name__, err)
