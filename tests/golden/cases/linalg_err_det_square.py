import torch
torch.det(torch.randn(3, 4))
