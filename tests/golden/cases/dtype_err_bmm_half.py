import torch
a = torch.arange(9.).reshape(3, 3).half()
print(a)
print(torch.bmm(a.unsqueeze(0), a.unsqueeze(0)))
