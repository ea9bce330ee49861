import torch
b = torch.tensor([True, False, True])
x = torch.tensor([1., -2., 3.], requires_grad=True)
print(torch.where(b, 1., 0.), torch.where(b, 1, 0))
w = torch.where(b, x, torch.zeros(3))
print(w)
(w * torch.tensor([1., 2., 3.])).sum().backward()
print(x.grad)
x.grad = None
print(torch.where(b, x, 0.))
print(torch.where(b), torch.where(torch.tensor([[0., 1.], [2., 0.]])))
print(torch.where(torch.tensor([True, False]), torch.tensor([-0., 1.]), torch.tensor([1., -0.])))
y = x.masked_fill(x < 0, 5.)
print(y)
y.sum().backward()
print(x.grad)
x.grad = None
print(torch.tensor([1, 2]).masked_fill(torch.tensor([True, False]), 2.5))
print(torch.tensor([1., 2.]).masked_fill(torch.tensor([True, False]), torch.tensor(5.)))
y = x[x > 0]
print(y)
y.sum().backward()
print(x.grad)
x.grad = None
print(torch.tensor([[1., -2.], [3., -4.]])[torch.tensor([[True, False], [False, True]])])
print(torch.ones(2, 3)[torch.tensor([True, False])])
y = x * 2
y[y < 0] = 0
print(y)
y.sum().backward()
print(x.grad)
t = torch.tensor([1., -2., 3.])
t[t < 0] = 0
print(t)
t = torch.tensor([[1., -2.], [3., 4.]])
t[torch.tensor([True, False])] = 7
print(t)
t = torch.tensor([1., -2., 3.])
t[t > 0] = torch.tensor([8., 9.])
print(t)
t = torch.tensor([1, -2, 3])
t[t < 0] = 1.7
print(t)
z = torch.tensor([1., 2.], requires_grad=True)
w = z * 1
w[w > 1] = z[0] * 3
print(w)
w.sum().backward()
print(z.grad)
c = torch.tensor([1., -2.], requires_grad=True)
v = c.clone()
v.masked_fill_(v < 0, 0.)
print(v)
v.sum().backward()
print(c.grad)
print(torch.masked_select(x, b), torch.tensor([1., 2.]).masked_select(torch.tensor([[True, False], [False, True]])))
print(torch.nonzero(b), b.nonzero(as_tuple=True), torch.argwhere(b))
print(torch.tensor([[0., 1.], [2., 0.]]).nonzero(), torch.tensor(5.).nonzero())
a = torch.tensor(3., requires_grad=True)
n = a.norm()
print(n, torch.norm(torch.tensor([-4.])))
n.backward()
print(a.grad)
