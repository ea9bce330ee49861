import torch
torch.manual_seed(0)
def nodes(fn):  # a node's name and its next functions' names (no addresses)
    return fn.name(), [(f.name() if f is not None else None, i) for f, i in fn.next_functions]
x = torch.tensor([[3., 1, 2], [0, 5, 5]])
print(x.sort())
print(torch.sort(x, 0, descending=True))
print(x.sort(dim=1, descending=True, stable=True), x.argsort(), torch.argsort(x, dim=0, descending=True))
print(x.topk(2), torch.topk(x, 1, dim=0), x.topk(2, largest=False), x.topk(3, sorted=True).indices)
v, i = x.sort()
print(v, i, x.sort().values.dtype, x.sort()[1].dtype)
ties = torch.randint(0, 4, (3, 100)).float()
ties[0, 7] = float('nan')
ties[2, 50] = float('nan')
s = ties.sort(1)
print(s.indices.tolist(), ties.sort(1, descending=True).indices.tolist())
print(ties.sort(dim=0, stable=True).indices.tolist())
print(ties.topk(5, dim=1).indices.tolist(), ties.topk(70, dim=1).indices.tolist(), ties.topk(3, dim=1, largest=False).indices.tolist())
print(ties.topk(40, dim=1, sorted=False).indices.tolist())
print(torch.tensor([2, 9, 2, 7]).sort(descending=True), torch.tensor(4.).sort(), torch.tensor([5.]).topk(1))
a = torch.randn(4, 6, requires_grad=True)
sv = a.sort(1, descending=True).values
print(nodes(sv.grad_fn))
(sv * torch.arange(24.).reshape(4, 6)).sum().backward()
print(a.grad)
a.grad = None
tv, ti = a.topk(2, dim=0)
print(nodes(tv.grad_fn), ti)
(tv * torch.tensor([[1.], [10.]])).sum().backward()
print(a.grad)
try:
    x.topk(4)
except Exception as e:
    print(type(e).__name__, e)
