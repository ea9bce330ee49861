import torch
import torch.nn.functional as F
F.cosine_similarity(torch.tensor([[1, 2]]), torch.tensor([[3, 4]]))
