# float16 dot on CPU.
import torch
v = torch.ones(3, dtype=torch.float16)
print(v @ v)
