import torch

# torch.maximum / torch.minimum and torch.max(a, b) / torch.min(a, b): values, ties, NaN, signed
# zeros, broadcasting, integer tensors, and their gradients (ties split, NaN sends grad to both).
a = torch.tensor([1.0, -2.0, 3.0, float("nan"), 0.0, -0.0, 5.0, 2.0, 1.5], requires_grad=True)
b = torch.tensor([1.0, 4.0, -3.0, 2.0, -0.0, 0.0, float("nan"), 2.0, 0.5], requires_grad=True)
for f in (torch.maximum, torch.minimum, torch.max, torch.min):
    y = f(a, b)
    print(f.__name__, y)
    (y * torch.arange(1.0, 10.0)).sum().backward()
    print(a.grad, b.grad)
    a.grad = None
    b.grad = None
x = torch.arange(12.0).reshape(3, 4) - 5
print(torch.minimum(x, torch.tensor([0.0, 1.0, -2.0, 3.0])))
print(x.minimum(torch.zeros(3, 1)))
i = torch.tensor([3, -1, 7])
print(torch.minimum(i, torch.tensor([2, 2, 2])), torch.maximum(i, torch.tensor(0)))
print(torch.minimum(i, torch.tensor([0.5, 0.5, 0.5])))
print(torch.minimum(torch.randn(2, 3, dtype=torch.float64).exp(), torch.ones(3, dtype=torch.float64)).dtype)
# 9 lanes: the vector part and the tail both keep PyTorch's tie rule
z = torch.tensor([0.0] * 9 + [-0.0] * 9)
print(torch.minimum(z, -z), torch.maximum(z, -z))
