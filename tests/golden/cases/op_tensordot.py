import torch
torch.manual_seed(7)
a = torch.randn(3, 4, 5, requires_grad=True)
b = torch.randn(4, 5, 2, requires_grad=True)
r = torch.tensordot(a, b)
print(r, r.grad_fn.name())
r.pow(2).sum().backward()
print(a.grad)
print(b.grad)
print(torch.tensordot(a, b, dims=([1, 2], [0, 1])))
print(torch.tensordot(a, b, dims=([2, 1], [1, 0])).grad_fn.name())
print(torch.tensordot(a, b, dims=0).shape, torch.tensordot(a, b, ([-1], [1])).shape)
m = torch.randn(4, 3, requires_grad=True)
n = torch.randn(5, 3, requires_grad=True)
s = torch.tensordot(m, n, dims=([1], [1]))
print(s)
s.sum().backward()
print(m.grad, n.grad)
print(torch.tensordot(torch.arange(6.).reshape(2, 3), torch.arange(6.).reshape(3, 2), dims=1))
for f in [lambda: torch.tensordot(a, b, dims=-1), lambda: torch.tensordot(a, b, dims=([0], [0])),
          lambda: torch.tensordot(a, b, dims=([0, 1], [0]))]:
    try:
        print(f())
    except Exception as e:
        print(type(e).__name__, e)
