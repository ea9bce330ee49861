# A tensor the system cannot give memory for (400 TB, more than a 64-bit process can map):
# PyTorch's CPU allocator error with the bytes asked, not MemoryError. device='cpu' keeps the
# failing request on the CPU when the script runs with --device cuda (cuda.golden).
import torch
x = torch.ones(3, 4)
print(x.sum())
y = torch.ones(100000, 100000, 10000, device='cpu')
print(y.shape)
