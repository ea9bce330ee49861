import torch
import torch.nn.functional as F
F.triplet_margin_loss(torch.randn(3, 4), torch.randn(3, 4), torch.randn(4))
