import torch
import torch.nn.functional as F
F.binary_cross_entropy(torch.rand(4, 1), torch.rand(4))
