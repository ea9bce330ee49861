import torch
torch.manual_seed(0)
print(torch.rand(2))
torch.normal(2., torch.tensor([-1., 1.]))
