import torch
print(torch.arange(30.0))
print(torch.arange(0.0, 3.0, 0.125))
print(torch.arange(40))
print(torch.linspace(0, 4, 17))
x = torch.arange(24.0, requires_grad=True)
print(x * 1.5)
print(torch.arange(36.0).reshape(2, 18) / 7)
print(torch.arange(20, dtype=torch.float64) / 3)
