import torch
torch.manual_seed(0)
print(torch.rand(2))
torch.nn.init.calculate_gain('leaky_relu', True)
