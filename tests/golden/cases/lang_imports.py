import torch
import torch.nn as nn
import math
from torch import nn
print(math.pi)
print(torch.tensor([1.0, 2.0]) * 2)
print("imports ok")
