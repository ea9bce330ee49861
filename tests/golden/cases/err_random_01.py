import torch
torch.manual_seed(0)
print(torch.rand(2))
torch.randint(5, 2, (3,))
