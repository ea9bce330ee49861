import torch
torch.manual_seed(0)
print(torch.rand(2))
torch.rand(3, dtype=torch.int64)
