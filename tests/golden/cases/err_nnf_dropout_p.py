import torch
import torch.nn.functional as F
F.dropout(torch.randn(3), 1.5)
