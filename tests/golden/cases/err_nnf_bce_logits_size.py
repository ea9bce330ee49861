import torch
import torch.nn.functional as F
F.binary_cross_entropy_with_logits(torch.randn(4, 3), torch.rand(4))
