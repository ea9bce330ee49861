import torch
import torch.nn.functional as F
F.softmax(torch.tensor([1, 2, 3]), 0)
