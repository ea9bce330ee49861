import torch
torch.addmm(torch.ones(3), torch.ones(4), torch.ones(4, 3))
