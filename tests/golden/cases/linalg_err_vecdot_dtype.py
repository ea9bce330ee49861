import torch
torch.linalg.vecdot(torch.randn(3), torch.randn(3).double())
