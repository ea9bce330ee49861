# Most float16 math kernels are missing on CPU in PyTorch 1.13.
import torch
h = torch.tensor([0.5, 1.5], dtype=torch.float16)
print(h * 2, h.abs())
print(h.exp())
