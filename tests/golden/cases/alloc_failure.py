# A tensor the system cannot give memory for (400 TB, more than a 64-bit process can map):
# PyTorch's CPU allocator error with the bytes asked, not MemoryError.
import torch
x = torch.ones(3, 4)
print(x.sum())
y = torch.ones(100000, 100000, 10000)
print(y.shape)
