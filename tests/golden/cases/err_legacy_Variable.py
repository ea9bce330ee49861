import torch
from torch.autograd import Variable
print(torch.Tensor([1]))
Variable([1.0])
