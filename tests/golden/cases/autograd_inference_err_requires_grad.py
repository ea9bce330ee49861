import torch

with torch.inference_mode():
    y = torch.ones(2) * 2
print(y.is_inference())
y.requires_grad_()
