import torch
x = torch.tensor([0.5, -1.0], requires_grad=True)
y = torch.sigmoid(x).sum()
y.backward(retain_graph=True)
print(x.grad)
y.backward(retain_graph=True)
print(x.grad)
y.backward()
print(x.grad)
a = torch.tensor(2.0, requires_grad=True)
b = a * a
c = b * 3
d = b + 1
c.backward(retain_graph=True)
d.backward()
print(a.grad)
