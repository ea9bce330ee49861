import torch
print(torch.tensor([True]).relu())
