import torch
x = torch.arange(24.).reshape(2, 3, 4)
print(x.shape)
print(torch.diff(x, dim=1, append=torch.zeros(2, 1, 3)))
