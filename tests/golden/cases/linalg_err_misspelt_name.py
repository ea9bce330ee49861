import torch
print(torch.linalg.matmul(torch.ones(2, 3), torch.ones(3, 2)))
torch.linalg.nrm(torch.ones(3))
