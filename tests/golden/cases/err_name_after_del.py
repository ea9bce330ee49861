import torch
t = torch.tensor([1.0])
del t
print("deleted")
print(t)
