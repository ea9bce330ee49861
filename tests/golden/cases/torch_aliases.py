# from __future__ imports, torch.random.manual_seed, and the NumPy-style arithmetic aliases
from __future__ import annotations, print_function
import torch
torch.random.manual_seed(3)
a = torch.randn(3)
print(a, torch.random.initial_seed())
print(torch.multiply(a, 2), torch.subtract(a, 1), torch.divide(a, 3), torch.true_divide(a, torch.ones(3)))
print(torch.subtract(a, a, alpha=0.5))
