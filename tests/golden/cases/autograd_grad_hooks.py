# autograd.grad and backward(inputs=) with tensor hooks and retain_grad
import torch
x = torch.tensor([1., 2.], requires_grad=True)
x.register_hook(lambda g: print("leaf hook", g) or g * 10)
y = (x * x).sum()
print(torch.autograd.grad(y, x))
h = x * 3
h.register_hook(lambda g: print("h hook", g) or g * 100)
y = (h * h).sum()
print(torch.autograd.grad(y, h))
y = (h * h).sum()
print(torch.autograd.grad(y, x))
h2 = x * 2
h2.retain_grad()
print(torch.autograd.grad((h2 * h2).sum(), x), h2.grad)
z = x * 5
z.retain_grad()
(z * z).sum().backward(inputs=[x])
print(x.grad, z.grad)
