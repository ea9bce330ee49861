import torch
x = torch.ones(3, requires_grad=True)
y = torch.zeros(2, 3)
z = x.expand_as(y)
print(z, x.view_as(torch.zeros(3, 1)), torch.arange(6).reshape_as(y), torch.arange(3).type_as(y))
z.sum().backward()
print(x.grad)
