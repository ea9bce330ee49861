import torch
print(torch.tensor([1.]) & torch.tensor([1.]))
