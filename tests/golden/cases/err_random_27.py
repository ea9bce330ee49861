import torch
torch.manual_seed(0)
print(torch.rand(2))
torch.nn.init.kaiming_normal_(torch.empty(2, 2), mode='fan_avg')
