import torch
torch.manual_seed(0)
def nodes(fn):  # a node's name and its next functions' names (no addresses)
    return fn.name(), [(f.name() if f is not None else None, i) for f, i in fn.next_functions]
x = torch.tensor([[1., 2, 4], [3, 5, 9]])
print(x.std(), x.var(), x.std(1), x.var(0, unbiased=False), x.std(1, keepdim=True), torch.var(x, 1, True, True))
print(x.std(False), x.var([1], keepdim=True), x.std(1, correction=2), x.var(dim=(0, 1)), x.std(dim=None))
r = torch.randn(50, 40) * 3 + 2
print(r.std().item(), r.var().item(), r.std(0).tolist()[:6], r.var(1).tolist()[:6], r.std(-1, unbiased=False).tolist()[:4])
print(torch.randn(7, dtype=torch.float64).var().item(), torch.randn(3, 9, dtype=torch.float64).std(1).tolist())
print(torch.randn(1, 30).std(1).tolist(), torch.randn(30, 1).var(0).tolist(), torch.randn(4, 1).var(1))
print(torch.tensor([1.]).std(), torch.tensor([1.]).var(0), torch.tensor([], dtype=torch.float32).std(), torch.tensor(2.5).var())
a = torch.randn(4, 5, requires_grad=True)
s = a.std()
print(nodes(s.grad_fn))
s.backward()
print(a.grad.tolist())
a.grad = None
v = a.var(1)
print(nodes(v.grad_fn))
v.backward(torch.randn(4))
print(a.grad.tolist())
a.grad = None
a.std(0, keepdim=True).backward(torch.ones(1, 5))
print(a.grad.tolist())
a.grad = None
a.var(0, unbiased=False).sum().backward()
print(a.grad.tolist())
d = torch.randn(6, dtype=torch.float64, requires_grad=True)
(d.var() + d.std(0)).backward()
print(d.grad.tolist())
z = torch.tensor([3., 3., 3.], requires_grad=True)
z.std().backward()
print(z.grad)
w = torch.tensor([[1., 2.], [3., 3.]], requires_grad=True)
w.std(1).sum().backward()
print(w.grad)
try:
    torch.tensor([1, 2]).std()
except Exception as e:
    print(type(e).__name__, e)
