# float16 matrix products have no CPU kernel in PyTorch 1.13.
import torch
a = torch.ones(2, 3, dtype=torch.float16)
print(a + a)
print(a.mm(a.t()))
