import torch
x = torch.randn(2, 3)
print(x.repeat(2, 2).shape)
x.repeat(2)
