import torch
a = torch.arange(2000.0)
print(a)
print(torch.arange(2000))
print(torch.arange(2000.0).reshape(40, 50))
print(torch.ones(1001))
print(torch.arange(1000.0).shape, torch.arange(1000.0)[-1])
print(torch.arange(3000.0).reshape(10, 10, 30) / 3)
print(torch.arange(2000.0, requires_grad=True) * 2)
