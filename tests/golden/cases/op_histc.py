import torch
torch.manual_seed(9)
x = torch.randn(1000)
print(torch.histc(x, bins=10, min=-2, max=2))
print(x.histc(7), torch.histc(x.double(), 13, -1.5, 0.3))
print(torch.histc(torch.tensor([1., 2, 1]), bins=4, min=0, max=3), torch.histc(torch.tensor([1., 1]), bins=4))
print(torch.histc(torch.tensor([]), bins=4), torch.histc(torch.rand(50) * 3, bins=3, min=0, max=3))
print(torch.histc(torch.tensor([0.1, 0.2, 0.3, 0.7, 0.9]), 10, 0.1, 0.9))
w = torch.randn(5, 20, requires_grad=True)
print(torch.histc(w, 5))
for f in [lambda: torch.histc(torch.tensor([1, 2, 1])), lambda: torch.histc(torch.tensor([1., 2, 1]), bins=0),
          lambda: torch.histc(torch.tensor([1., 2]), bins=4, min=3, max=0), lambda: torch.histc(torch.tensor([1., float('inf')]), bins=4),
          lambda: torch.histc(torch.tensor([0.5, 2.]), min=0.25, max=float('inf'))]:
    try:
        print(f())
    except Exception as e:
        print(type(e).__name__, e)
