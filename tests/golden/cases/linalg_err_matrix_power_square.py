import torch
import torch.nn.functional as F
torch.linalg.matrix_power(torch.randn(3, 4), 2)
