import torch
torch.addmm(torch.ones(5), torch.ones(2, 4), torch.ones(4, 3))
