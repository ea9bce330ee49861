# % and // on tensors: Python signs, float and int, by zero, RemainderBackward0/1 and their grads
import torch
print(torch.arange(7) % 3, torch.arange(-5, 5) % 3, torch.arange(-5, 5) // 3, torch.arange(-5., 5.) // 3)
print(torch.arange(-5., 5.) % -2.5, torch.tensor([5., -5.]) % 0., torch.tensor([5., -5.]) // 0.)
x = torch.linspace(-3, 3, 7, requires_grad=True)
y = torch.tensor([2., -2., 1.5, 0.7, -1.1, 2.5, 3.], requires_grad=True)
z = x % y
print(z)
z.sum().backward()
print(x.grad, y.grad)
print((x % 2).grad_fn.name(), torch.remainder(x, 2.5).grad_fn.name(), x.detach().floor_divide(2), torch.remainder(torch.arange(6), torch.tensor(4)))
torch.manual_seed(0)
a = torch.randn(1000) * 10; b = torch.randn(1000)
print((a % b).sum(), (a // b).sum(), (a.double() % 0.3).sum())
print(torch.arange(5) % 0)
