import torch
print(torch.tensor([True], requires_grad=True))
