import torch
import torch.nn.functional as F
torch.linalg.multi_dot([torch.randn(3, 4), torch.randn(3, 4)])
