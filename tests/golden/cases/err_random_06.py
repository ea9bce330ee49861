import torch
torch.manual_seed(0)
print(torch.rand(2))
torch.normal(0., -1., size=(3,))
