import torch
torch.addmm(torch.ones(3), torch.ones(2, 4), torch.ones(4, 3, dtype=torch.float64))
