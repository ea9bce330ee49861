import torch

x = torch.tensor([1., 2.], requires_grad=True)
w = torch.tensor(1., requires_grad=True)
print(torch.autograd.grad((x * 2).sum(), [x, w], allow_unused=True))
torch.autograd.grad((x * 2).sum(), [x, w])
