import torch
import torch.nn.functional as F
F.nll_loss(torch.randn(1, 3), torch.tensor([[0, 1, 2]]))
