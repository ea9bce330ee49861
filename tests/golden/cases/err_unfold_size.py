import torch
x = torch.arange(24.).reshape(2, 3, 4)
print(x.shape)
print(x.unfold(2, 5, 1))
