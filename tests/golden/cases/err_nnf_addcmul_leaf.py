import torch
p = torch.randn(3, requires_grad=True)
p.addcmul_(torch.ones(3), torch.ones(3))
