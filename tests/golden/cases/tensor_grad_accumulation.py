import torch
w = torch.tensor([1.0, 2.0], requires_grad=True)
for i in range(4):
    loss = (w ** 2).sum() * (i + 1)
    loss.backward()
    print(i, w.grad)
w.grad.zero_()
print(w.grad)
a = torch.tensor(3.0, requires_grad=True)
y = a * a + a * 2 + a
y.backward()
print(a.grad)
b = torch.tensor(1.0, requires_grad=True)
u = b * 2
v = u * u + u
v.backward()
print(b.grad)
