import torch
a = torch.tensor([[1.0, 2.0], [3.0, 4.0]])
b = torch.ones(3, 1)
print(torch.mm(a, b))
