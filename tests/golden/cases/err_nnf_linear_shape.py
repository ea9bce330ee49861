import torch
import torch.nn.functional as F
F.linear(torch.ones(64, 2), torch.ones(1, 3), torch.ones(1))
