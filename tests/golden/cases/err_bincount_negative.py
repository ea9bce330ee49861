import torch
print(torch.bincount(torch.tensor([0, 2, 2])))
print(torch.bincount(torch.tensor([0, -2, 2])))
