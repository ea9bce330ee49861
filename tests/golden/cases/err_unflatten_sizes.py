import torch
x = torch.arange(24.).reshape(2, 3, 4)
print(x.shape)
print(x.unflatten(1, (2, 2)))
