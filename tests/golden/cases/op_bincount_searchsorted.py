import torch
torch.manual_seed(8)
x = torch.randint(0, 6, (20,))
print(x.bincount(), torch.bincount(x, minlength=9))
w = torch.rand(20)
print(torch.bincount(x, w), torch.bincount(x, weights=w.double()), torch.bincount(x, torch.arange(20)))
print(torch.bincount(torch.tensor([], dtype=torch.long), minlength=3), torch.bincount(torch.tensor([2, 0], dtype=torch.int32)))
b = torch.tensor([0.1, 0.5, 0.5, 1.0, 2.5])
v = torch.tensor([[0.5, 0.0], [3.0, 0.1]])
print(torch.bucketize(v, b), torch.bucketize(v, b, right=True), torch.bucketize(v, b, out_int32=True))
print(torch.searchsorted(b, v), torch.searchsorted(b, v, side='right'), torch.searchsorted(b, 0.5), torch.bucketize(0.1, b))
s = torch.tensor([[1, 3, 5, 7, 9], [2, 4, 6, 8, 10]])
q = torch.tensor([[3, 6, 9], [3, 6, 9]])
print(torch.searchsorted(s, q), torch.searchsorted(s, q, right=True))
print(torch.searchsorted(torch.tensor([1, 2, 3]), torch.tensor([2.5, 1.0])), torch.searchsorted(b, torch.tensor(0.1, dtype=torch.float64)))
for f in [lambda: torch.bincount(torch.tensor([1, -1, 3])), lambda: torch.bincount(torch.tensor([[1]])),
          lambda: torch.bincount(torch.tensor([1.])), lambda: torch.bincount(torch.tensor([True])),
          lambda: torch.bincount(torch.tensor([1, 2]), minlength=-1), lambda: torch.bincount(torch.tensor([1, 2]), torch.ones(3)),
          lambda: torch.searchsorted(s, torch.tensor([3, 3])), lambda: torch.searchsorted(b, v, side='left', right=True),
          lambda: torch.searchsorted(b, v, side='middle'), lambda: torch.bucketize(v, s)]:
    try:
        print(f())
    except Exception as e:
        print(type(e).__name__, e)
