import torch
import torch.nn.functional as F
torch.matrix_power(torch.randn(3), 2)
