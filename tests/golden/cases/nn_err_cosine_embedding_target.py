import torch
import torch.nn.functional as F
F.cosine_embedding_loss(torch.randn(3, 4), torch.randn(3, 4), torch.ones(3, 1))
