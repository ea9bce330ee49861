import torch
import torch.nn.functional as F
torch.linalg.matrix_norm(torch.randn(3, 4), 3)
