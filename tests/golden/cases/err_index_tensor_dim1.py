import torch
m = torch.zeros(2, 3)
print(m[1, 2])
print(m[0, -4])
