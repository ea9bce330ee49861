import torch
import torch.nn.functional as F
F.nll_loss(torch.randn(4, 3), torch.tensor([0, 1, 2, 1]), weight=torch.ones(2))
