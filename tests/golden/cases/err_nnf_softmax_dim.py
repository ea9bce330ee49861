import torch
torch.randn(2, 3).softmax(2)
