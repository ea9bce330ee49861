# mean() of an integer tensor cannot infer a float dtype.
import torch
t = torch.tensor([1, 2, 3], dtype=torch.int32)
print(t.sum(), t.float().mean())
print(t.mean())
