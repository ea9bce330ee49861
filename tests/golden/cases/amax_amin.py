# torch.amax / torch.amin / Tensor.amax(dim, keepdim): the extremum over one, several or all dims;
# AmaxBackward0 / AminBackward0 share the gradient evenly among ties ((grad / count) · mask, so a
# negative grad leaves -0 on the other elements); NaN propagates; integer and bool inputs; errors.
import torch
w = torch.tensor([[1.0, 5.0, 5.0], [7.0, 2.0, 7.0]], requires_grad=True)
for args in [((0, 1),), (-1, True), ([0],), (1,), ((),), ((1, 0), True)]:
    for name in ['amax', 'amin']:
        r = getattr(torch, name)(w, *args)
        print(name, args, r)
        r.backward(torch.linspace(-3, 2, r.numel()).reshape(r.shape))
        print(w.grad)
        w.grad = None
r = w.amax()
print(r, r.grad_fn.name())
r.backward()
print(w.grad)
w.grad = None
r = w.amin(dim=0, keepdim=True)
print(r, r.grad_fn.name())
torch.manual_seed(0)
x = torch.randn(3, 4, 5, dtype=torch.float64, requires_grad=True)
r = torch.amax(x, dim=(0, 2))
print(r)
r.sum().backward()
print(x.grad.sum().item(), x.grad.nonzero().tolist())
print(torch.amax(torch.tensor([[1.0, float('nan')], [2.0, 3.0]]), 1), torch.amin(torch.tensor([[1.0, float('nan')]]), 0))
n = torch.tensor([[1.0, float('nan')], [2.0, 3.0]], requires_grad=True)
torch.amax(n, 1).sum().backward()
print(n.grad)
print(torch.amax(torch.tensor([[1, 5], [3, 2]]), 0), torch.amin(torch.tensor([True, False]), 0), torch.amax(torch.tensor(3.0), 0))
print(torch.amax(torch.zeros(0, 3), 1), torch.amax(torch.zeros(2, 0), (0,)).shape)
for f in [lambda: torch.amax(torch.zeros(0, 3)), lambda: torch.amax(torch.zeros(2, 0), (0, 1)), lambda: torch.amin(torch.zeros(3, 0, 2), (2, 1)),
          lambda: torch.amax(w, 2), lambda: torch.amax(w, (0, 0))]:
    try:
        f()
    except Exception as e:
        print(type(e).__name__, e)
