import torch
x = torch.arange(24.).reshape(2, 3, 4)
print(x.shape)
print(torch.movedim(x, (0, 1), (2, -1)))
