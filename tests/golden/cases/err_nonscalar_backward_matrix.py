import torch
m = torch.ones(2, 2, requires_grad=True)
out = m @ m
print(out)
out.backward()
