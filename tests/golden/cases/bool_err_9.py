import torch
print(torch.tensor([1., 2.]).masked_fill(torch.tensor([True, False]), torch.tensor([5., 6.])))
