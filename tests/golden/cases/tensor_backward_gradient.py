import torch
x = torch.tensor([1.0, 2.0, 3.0], requires_grad=True)
y = x * x
y.backward(gradient=torch.tensor([1.0, 0.1, 0.01]))
print(x.grad)
x.grad = None
z = 2 * x
z.backward(torch.ones(3))
print(x.grad)
m = torch.tensor([[1.0, 2.0], [3.0, 4.0]], requires_grad=True)
out = m ** 2
out.backward(gradient=torch.tensor([[1.0, 0.0], [0.0, 1.0]]))
print(m.grad)
s = torch.tensor(2.0, requires_grad=True)
t = s ** 3
t.backward(torch.tensor(0.5))
print(s.grad)
