import torch
torch.manual_seed(0)
print(torch.rand(2))
torch.randint(3, (2,), requires_grad=True)
