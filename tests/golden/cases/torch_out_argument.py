import torch
a = torch.ones(2, requires_grad=True)
y = torch.zeros(2)
cases = [
    lambda: torch.add(a, 1, out=y),
    lambda: torch.add(torch.ones(2), 1, out=torch.zeros(2, dtype=torch.long)),
    lambda: torch.add(torch.ones(2), 1, out=torch.zeros(2, dtype=torch.double)),
    lambda: torch.matmul(torch.ones(2, 2), torch.ones(2, 2), out=torch.zeros(2, 2, dtype=torch.double)),
    lambda: torch.detach(a, out=y),
    lambda: torch.exp(torch.ones(2), out=torch.zeros(0)),
    lambda: torch.sum(torch.ones(2, 2), 0, out=torch.zeros(2)),
    lambda: torch.add(torch.ones(2), 1, out=torch.zeros(2, requires_grad=True)),
    lambda: torch.mul(torch.ones(2), 2, out=torch.zeros(3)),
    lambda: torch.add(torch.ones(2), 1, out=[1, 2]),
]
for f in cases:
    try:
        print(f())
    except Exception as e:
        print(type(e).__name__, e)
t = torch.tensor([[1., 2.], [3., 4.]])
r = torch.empty(2, 2)
out = torch.matmul(t, t.T, out=r)
print(out is r, r)
with torch.no_grad():
    print(torch.mul(a, 3, out=y), y)
