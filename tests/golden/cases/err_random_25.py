import torch
torch.manual_seed(0)
print(torch.rand(2))
torch.nn.init.xavier_uniform_(torch.empty(3))
