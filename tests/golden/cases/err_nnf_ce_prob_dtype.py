import torch
import torch.nn.functional as F
F.cross_entropy(torch.randn(4, 3), torch.randint(0, 3, (4, 3)))
