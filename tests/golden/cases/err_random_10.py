import torch
torch.manual_seed(0)
print(torch.rand(2))
torch.multinomial(torch.tensor([0., 0.]), 3, True)
