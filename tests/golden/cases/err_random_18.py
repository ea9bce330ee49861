import torch
torch.manual_seed(0)
print(torch.rand(2))
torch.empty(2, requires_grad=True).normal_()
