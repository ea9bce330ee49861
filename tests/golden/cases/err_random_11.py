import torch
torch.manual_seed(0)
print(torch.rand(2))
torch.multinomial(torch.tensor([1, 2]), 1)
