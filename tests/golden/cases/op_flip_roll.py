import torch
torch.manual_seed(0)
x = torch.randn(2, 3, 4, requires_grad=True)
f = torch.flip(x, [0, 2])
print(f, f.grad_fn.name())
f.backward(torch.arange(24.).view(2, 3, 4))
print(x.grad)
print(x.flip(1).shape, x.flip(-1, 0).sum().item(), torch.flip(torch.arange(5), (0,)))
m = torch.arange(6.).view(2, 3).requires_grad_()
print(torch.fliplr(m), torch.flipud(m), m.fliplr().grad_fn.name(), m.flipud().grad_fn.name())
print(torch.flipud(torch.arange(4)))
r = torch.roll(x, 1)
print(r, r.grad_fn.name())
x.grad = None
r.backward(torch.arange(24.).view(2, 3, 4))
print(x.grad)
print(torch.roll(m, 1, 0), torch.roll(m, -1, 1), torch.roll(m, shifts=(1, 2), dims=(0, 1)), m.roll(7, dims=1))
print(torch.roll(torch.arange(10), 3), torch.roll(torch.arange(10), -13))
a = torch.randn(3, 5, requires_grad=True)
b = a.roll((2, -1), (1, 0))
b.backward(torch.randn(3, 5))
print(b, a.grad)
for g in [lambda: torch.flip(m, [0, 0]), lambda: torch.flip(m, [2]), lambda: torch.fliplr(torch.arange(3)),
          lambda: torch.flipud(torch.tensor(1.)), lambda: torch.roll(m, (1, 2), 0), lambda: torch.roll(m, 1, 2),
          lambda: torch.roll(m, (), ())]:
    try:
        g()
    except Exception as err:
        print(type(err).__name__, err)
