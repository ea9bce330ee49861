import torch
b = torch.tensor([True, False]); print(1 - b)
