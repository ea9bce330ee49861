import torch
import torch.nn.functional as F
F.rrelu(torch.randn(3), 0.5, 0.1)
