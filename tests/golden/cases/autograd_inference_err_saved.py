import torch

x = torch.tensor([1., 2.], requires_grad=True)
with torch.inference_mode():
    y = torch.ones(2) * 2
print((y + 1).requires_grad)
(y * x).sum().backward()
