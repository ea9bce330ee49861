import torch
x = torch.arange(6.0)
print(x.reshape(3, 2))
print(x.reshape(4, 2))
