import torch
x = torch.arange(24.).reshape(2, 3, 4)
print(x.shape)
print(x.narrow(2, 3, 2))
