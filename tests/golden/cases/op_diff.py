import torch
torch.manual_seed(5)
x = torch.randn(3, 5, requires_grad=True)
d = torch.diff(x)
print(d)
print(x.diff(n=2, dim=0), torch.diff(x, 3).shape, torch.diff(x, n=7).shape)
print(torch.diff(x, n=0).grad_fn.name(), torch.diff(x, n=-1) is x)
p = torch.randn(3, 2, requires_grad=True)
q = torch.randn(3, 1)
e = torch.diff(x, dim=1, prepend=p, append=q)
print(e, e.grad_fn.name())
(e * torch.arange(21.).reshape(3, 7)).sum().backward()
print(x.grad, p.grad)
print(torch.diff(torch.tensor([True, False, False, True]), n=2), torch.diff(torch.tensor([1, 5, 2, 8])))
print(torch.diff(torch.tensor([1, 2, 4]), prepend=torch.tensor([1.5]), append=torch.tensor([10])))
print(torch.diff(x, dim=0, prepend=torch.zeros(1, 5)).shape)
t = torch.arange(10.).reshape(2, 5)
print(torch.diff(t.t(), dim=0))
for f in [lambda: torch.diff(torch.tensor(1.)), lambda: torch.diff(x, prepend=torch.ones(5)),
          lambda: torch.diff(x, dim=0, prepend=torch.ones(2, 4)), lambda: torch.diff(x, dim=2),
          lambda: torch.diff(x, prepend=2.0)]:
    try:
        f()
    except Exception as e:
        print(type(e).__name__, e)
