import torch
w = torch.ones(3, requires_grad=True) * 0.5
opt = torch.optim.SGD([w], lr=0.1)
