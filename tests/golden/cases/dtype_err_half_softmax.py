# float16 softmax has no CPU kernel in PyTorch 1.13.
import torch
h = torch.tensor([[0.5, 1.5]], dtype=torch.float16)
print(torch.softmax(h, dim=1))
