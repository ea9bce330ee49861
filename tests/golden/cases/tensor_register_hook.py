# Tensor.register_hook: hooks see the gradient flowing into a tensor during backward, run in
# the order they were added, may replace it (on a leaf before it is accumulated into .grad,
# on an intermediate before it flows on), and come off with handle.remove().
import torch

v = torch.tensor([0., 0., 0.], requires_grad=True)
h = v.register_hook(lambda grad: grad * 2)
v.backward(torch.tensor([1., 2., 3.]))
print(v.grad)
h.remove()
v.backward(torch.tensor([1., 1., 1.]))
print(v.grad)

x = torch.tensor([1.0, 2.0, 3.0], requires_grad=True)
y = x * x
seen = []
def observe(g):
    seen.append(g.tolist())
y.register_hook(observe)
y.register_hook(lambda g: g + 1)
y.register_hook(lambda g: print("third hook sees", g))
z = (y * 3).sum()
z.backward()
print(seen)
print(x.grad)

a = torch.tensor(2.0, requires_grad=True)
b = a ** 3
b.retain_grad()
b.register_hook(lambda g: g * 10)
b.backward()
print(b.grad, a.grad)

w = torch.ones(2, requires_grad=True)
hw = w.register_hook(lambda g: g * 0)
hw2 = w.register_hook(lambda g: g + 5)
(w * 4).sum().backward()
print(w.grad)
hw.remove()
hw.remove()
w.grad = None
(w * 4).sum().backward()
print(w.grad)
print(type(hw).__name__)

# retain_grad is a hook too: .grad sees what the hooks registered before it made of the gradient
a = torch.tensor(2.0, requires_grad=True)
b = a ** 3
b.register_hook(lambda g: g * 10)
b.retain_grad()
b.backward()
print(b.grad, a.grad)
