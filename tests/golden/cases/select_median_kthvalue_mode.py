import torch
torch.manual_seed(0)
def nodes(fn):  # a node's name and its next functions' names (no addresses)
    return fn.name(), [(f.name() if f is not None else None, i) for f, i in fn.next_functions]
x = torch.tensor([[3., 1, 2, 3], [0, 5, 5, 1]])
print(x.median(), torch.median(x, 1), x.median(dim=0, keepdim=True), torch.median(x, -1, True).indices)
print(x.nanmedian(), x.nanmedian(1), torch.kthvalue(x, 2), x.kthvalue(1, 0), x.kthvalue(k=3, dim=1, keepdim=True))
print(x.mode(), torch.mode(x, 0), x.mode(dim=1, keepdim=True))
# ties and NaNs: the index PyTorch picks
ties = torch.randint(0, 4, (3, 41)).float()
ties[0, 7] = float('nan')
ties[2, 30] = float('nan')
ties[2, 3] = float('nan')
print(ties.median(1).indices.tolist(), ties.median(0).indices.tolist(), ties.median(0).values.tolist())
print(ties.nanmedian(1).indices.tolist(), ties.nanmedian(0).indices.tolist(), ties.nanmedian(1).values.tolist())
for k in (1, 2, 17, 20, 21, 40, 41):
    print(k, ties.kthvalue(k, 1).indices.tolist(), ties.kthvalue(k, 1).values.tolist())
print(ties.kthvalue(2, 0).indices.tolist(), ties.kthvalue(3, 0).indices.tolist())
print(ties.mode(1), ties.mode(0).indices.tolist())
longs = torch.randint(-3, 3, (5, 64))
print(longs.median(1), longs.kthvalue(30, 1), longs.mode(1), longs.median(), longs.nanmedian())
allnan = torch.full((2, 37), float('nan'))
print(allnan.nanmedian(1), allnan.nanmedian(), allnan.median(), allnan.median(0).indices.tolist())
print(torch.tensor([True, False, True]).mode(), torch.tensor(5.).median(0), torch.tensor(5.).kthvalue(1), torch.tensor(2).mode())
print(torch.tensor([1.5, 2.5], dtype=torch.float64).median(), torch.tensor([4, 1, 9], dtype=torch.int32).median(0))
print(torch.median(torch.tensor([])), torch.zeros(2, 0).median(0), torch.zeros(0, 3).mode(1))
# gradients: the element picked gets the gradient; median() shares it among equal elements
a = torch.tensor([[2., 7, 2, 5], [1, 1, 4, 4]], requires_grad=True)
m = a.median()
print(m, nodes(m.grad_fn))
(m * 3).backward()
print(a.grad)
a.grad = None
v, i = a.median(1)
print(v, i, nodes(v.grad_fn))
(v * torch.tensor([1., 10])).sum().backward()
print(a.grad)
a.grad = None
k = a.kthvalue(3, 1, True)
print(k, nodes(k.values.grad_fn))
k.values.sum().backward()
print(a.grad)
a.grad = None
md = a.mode(0)
print(md, nodes(md.values.grad_fn))
md.values.sum().backward()
print(a.grad)
a.grad = None
n = a.nanmedian()
n.backward()
print(n, a.grad, nodes(n.grad_fn), a.nanmedian(0).values.grad_fn.name())
b = torch.tensor([float('nan'), 2., float('nan'), 5.], requires_grad=True)
mb = b.median()
mb.backward()
print(mb, b.grad)
for f in (lambda: x.kthvalue(5), lambda: x.kthvalue(0, 1), lambda: x.median(2), lambda: torch.zeros(2, 0).median(1),
          lambda: torch.zeros(2, 0).kthvalue(1, 1), lambda: torch.zeros(0).mode(), lambda: torch.tensor([True]).median(),
          lambda: torch.tensor([True, False]).median(0), lambda: torch.tensor([True]).kthvalue(1),
          lambda: torch.tensor([1.], dtype=torch.float16).median(0), lambda: torch.zeros(2, 3).kthvalue(4, -1)):
    try:
        print(f())
    except Exception as e:
        print(type(e).__name__, e)
