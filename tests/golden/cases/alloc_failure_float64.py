# The same for float64 (8 bytes an element) and for an operand of a broadcast sum.
import torch
print(torch.zeros(2, dtype=torch.float64))
z = torch.ones(2, 3, device='cpu') + torch.zeros(10**14, 1, 1, dtype=torch.float64, device='cpu')
