# torch.nn.init: each initialiser draws what PyTorch's does for the same seed (fans, gains and
# bounds computed with the same float arithmetic), including nn.Linear's default init by hand.
import math
import torch
from torch.nn import init
import torch.nn as nn

for name in ["linear", "conv2d", "sigmoid", "tanh", "relu", "leaky_relu", "selu"]:
    print(name, init.calculate_gain(name))
print(init.calculate_gain("leaky_relu", 0.2), init.calculate_gain("leaky_relu", math.sqrt(5)))
print(init._calculate_fan_in_and_fan_out(torch.empty(3, 5)), init._calculate_fan_in_and_fan_out(torch.empty(4, 2, 3, 3)))

torch.manual_seed(0)
w = torch.empty(3, 5)
print(init.uniform_(w), init.uniform_(w, -0.1, 0.1))
print(init.normal_(torch.empty(2, 3)), init.normal_(torch.empty(20), 1.0, 0.02))
print(init.constant_(torch.empty(2, 2), 0.3), init.ones_(torch.empty(3)), init.zeros_(torch.empty(2)))
print(init.eye_(torch.empty(3, 4)), init.eye_(torch.empty(3, 2)))
print(init.xavier_uniform_(torch.empty(4, 6)))
print(init.xavier_uniform_(torch.empty(4, 6), gain=init.calculate_gain("relu")))
print(init.xavier_normal_(torch.empty(5, 3)))
print(init.kaiming_uniform_(torch.empty(4, 3)))
print(init.kaiming_uniform_(torch.empty(4, 3), a=math.sqrt(5)))
print(init.kaiming_uniform_(torch.empty(3, 8), mode="fan_out", nonlinearity="relu"))
print(init.kaiming_normal_(torch.empty(6, 2)))
print(init.kaiming_normal_(torch.empty(2, 3, 3, 3), mode="fan_out", nonlinearity="relu"))
print(nn.init.kaiming_uniform_(torch.empty(0, 3)))

# nn.Linear(5, 3)'s default initialisation, written out
weight = torch.empty(3, 5)
bias = torch.empty(3)
init.kaiming_uniform_(weight, a=math.sqrt(5))
fan_in, _ = init._calculate_fan_in_and_fan_out(weight)
bound = 1 / math.sqrt(fan_in) if fan_in > 0 else 0
init.uniform_(bias, -bound, bound)
print(weight, bias)

p = torch.empty(2, 3, requires_grad=True)
print(init.normal_(p, std=0.01))
print(p.requires_grad, p.is_leaf)
