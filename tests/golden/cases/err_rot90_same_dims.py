import torch
x = torch.arange(24.).reshape(2, 3, 4)
print(x.shape)
print(torch.rot90(x, 1, [1, -2]))
