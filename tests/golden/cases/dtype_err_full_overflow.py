# c10 refuses a number that does not fit the dtype.
import torch
print(torch.tensor([-255, 255], dtype=torch.uint8), torch.full((2,), -200, dtype=torch.uint8))
try:
    torch.tensor([300], dtype=torch.int8)
except RuntimeError as e:
    print(e)
torch.full((2,), 40000, dtype=torch.int16)
