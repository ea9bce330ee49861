# An in-place op cannot write a float result into an int32 tensor.
import torch
t = torch.tensor([1, 2, 3], dtype=torch.int32)
t += torch.tensor([1, 1, 1], dtype=torch.int8)
print(t)
t += 1.5
