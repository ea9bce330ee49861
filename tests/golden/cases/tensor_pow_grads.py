import torch
x = torch.tensor([1.0, 2.0, 3.0], requires_grad=True)
y = torch.tensor([2.0, 0.5, -1.0], requires_grad=True)
a = x ** 2
b = x ** y
c = 2 ** x
d = x ** 0.5
e = x ** -1
print(a)
print(b)
print(c)
print(d)
print(e)
(a + b + c + d + e).sum().backward()
print(x.grad)
print(y.grad)
s = torch.tensor(4.0, requires_grad=True)
t = s.pow(3)
print(t)
t.backward()
print(s.grad)
