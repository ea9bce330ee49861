import torch
print(torch.where(torch.tensor([1, 0]), 1., 0.))
