import torch
torch.linalg.det(torch.tensor([[1, 2], [3, 4]]))
