import torch
import torch.nn.functional as F
F.pairwise_distance(torch.randn(3, 4), torch.randn(2, 4))
