import torch
import torch.nn.functional as F
F.margin_ranking_loss(torch.randn(3, 4), torch.randn(3, 4), torch.ones(3))
