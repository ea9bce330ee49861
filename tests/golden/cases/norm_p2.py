import torch
torch.manual_seed(0)
for n in [1, 2, 3, 4, 5, 7, 8, 9, 12, 15, 16, 17, 23, 31, 33, 64, 100, 257, 1000]:
    x = torch.randn(n) * 3
    print(n, x.norm().item(), torch.norm(x.double()).item(), x.norm(2).item())
for shp in [(3, 4), (5, 7), (2, 3, 5)]:
    x = torch.randn(*shp, requires_grad=True)
    n = x.norm()
    print(n)
    n.backward()
    print(x.grad)
x = torch.zeros(3, requires_grad=True)
x.norm().backward()
print(x.grad, torch.tensor([]).norm())
a = torch.randn((), requires_grad=True)
print(a.norm(), torch.norm(a))
