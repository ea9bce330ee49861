import torch
torch.manual_seed(0)
def nodes(fn):  # a node's name and its next functions' names (no addresses)
    return fn.name(), [(f.name() if f is not None else None, i) for f, i in fn.next_functions]
x = torch.tensor([[1., 2, 3], [4, 5, 6]])
print(x.prod(), x.prod(1), torch.prod(x, 0, keepdim=True), torch.prod(x, dtype=torch.float64), x.prod(-1, True))
print(torch.tensor([1, 2, 3]).prod(), torch.tensor([True, True]).prod(), torch.tensor([[True, False]]).prod(1), torch.tensor(3.).prod(0))
print(torch.empty(0).prod(), torch.empty(2, 0).prod(1), torch.arange(1, 8).prod(0, dtype=torch.float32))
for n in [7, 31, 32, 33, 100, 257, 1000]:
    r = torch.rand(n) * 0.4 + 0.8
    d = torch.rand(n, dtype=torch.float64) * 0.4 + 0.8
    print(n, r.prod().item(), d.prod().item())
m = torch.rand(5, 70) * 0.5 + 0.75
print(m.prod(1).tolist(), m.prod(0).tolist()[:8], m.t().prod(1).tolist()[:5])
t3 = torch.rand(2, 40, 3) + 0.5
print(t3.prod(1).tolist(), t3.prod(2).tolist()[0][:5], torch.rand(40, 1).add(0.5).prod(0).tolist())
a = (torch.rand(3, 4) + 0.5).requires_grad_()
p = a.prod()
print(nodes(p.grad_fn))
p.backward()
print(a.grad.tolist())
a.grad = None
q = a.prod(1)
print(nodes(q.grad_fn))
q.backward(torch.tensor([1., 2., 3.]))
print(a.grad.tolist())
a.grad = None
a.prod(0, keepdim=True).sum().backward()
print(a.grad.tolist())
z = torch.tensor([1., 0, 3, 0], requires_grad=True)
z.prod().backward()
print(z.grad)
mt = (torch.rand(40, 3) + 0.5).requires_grad_()
c = mt.t().contiguous()
print(c.grad_fn.name(), mt.contiguous() is mt, c.prod(1).tolist())
