import torch
torch.manual_seed(0)
print(torch.rand(2))
torch.nn.init.eye_(torch.empty(2, 2, 2))
