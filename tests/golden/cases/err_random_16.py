import torch
torch.manual_seed(0)
print(torch.rand(2))
torch.empty(2).log_normal_(0, -1)
