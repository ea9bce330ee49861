import torch
torch.manual_seed(0)
x = torch.tensor([[1., 5, 3], [7, 2, 7]])
print(x.argmax(), x.argmin(), x.argmax(1), x.argmin(0))
print(x.argmax(0, keepdim=True), torch.argmax(x, dim=1), torch.argmin(x, 1, True))
print(x.argmax(keepdim=True), torch.argmax(x, dim=-1, keepdim=False))
print(torch.tensor([1., float('nan'), 3.]).argmax(), torch.tensor([1., float('nan'), 0.]).argmin())
print(torch.tensor(3.).argmax(), torch.tensor(3.).argmax(0), torch.tensor(3.).argmin(0, True))
print(torch.tensor([3, 1, 3]).argmax(), torch.tensor([3, 1, 1]).argmin(), torch.tensor([[4, 9], [9, 4]]).argmax(1))
print(torch.empty(0, 2).argmax(1), torch.empty(0, 2).argmax(1).dtype)
r = torch.randn(4, 5, 6, dtype=torch.float64)
print(r.argmax(), r.argmin(), r.argmax(0), r.argmin(1), r.argmax(2, True).shape)
w = torch.randn(3, 4, requires_grad=True)
print(w.argmax(1), w.argmax(1).requires_grad)
y = torch.tensor([1, 0, 2, 2])
logits = torch.tensor([[0.1, 0.2, 0.0], [2.0, 1.0, 0.0], [0.0, 0.5, 0.6], [1.0, 1.0, 1.0]])
print((logits.argmax(dim=1) == y).sum().item(), (logits.argmax(1) == y).type(torch.float).sum().item())
for f in [lambda: torch.tensor([True, False]).argmax(), lambda: torch.empty(0).argmax(),
          lambda: torch.empty(2, 0).argmax(1), lambda: x.argmax(2), lambda: x.argmin(-3)]:
    try:
        print(f())
    except Exception as e:
        print(type(e).__name__, e)
