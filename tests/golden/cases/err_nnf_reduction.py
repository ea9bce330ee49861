import torch
import torch.nn.functional as F
F.mse_loss(torch.randn(3), torch.randn(3), reduction='avg')
