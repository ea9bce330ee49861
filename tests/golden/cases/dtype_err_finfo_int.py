# finfo of an integer dtype.
import torch
print(torch.iinfo(torch.int16))
torch.finfo(torch.int16)
