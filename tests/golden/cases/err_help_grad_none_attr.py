import torch
x = torch.tensor(2.0, requires_grad=True)
y = x * 3
print(x.grad)
x.grad.zero_()
