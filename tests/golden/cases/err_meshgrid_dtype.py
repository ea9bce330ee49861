import torch
x = torch.arange(24.).reshape(2, 3, 4)
print(x.shape)
print(torch.meshgrid(torch.arange(3), torch.ones(2), indexing="xy"))
