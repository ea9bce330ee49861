import torch
torch.manual_seed(0)
print(torch.rand(2))
torch.empty(3).uniform_(2, 1)
