import torch
a = torch.ones(2, 3)
print(torch.einsum('ij->j', a))
print(torch.einsum('ijk->i', a))
