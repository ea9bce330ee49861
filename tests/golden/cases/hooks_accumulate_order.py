# Leaves' hooks run when their AccumulateGrad runs: as soon as the gradient is whole (PyTorch gives
# AccumulateGrad the highest priority), and leaves ready together in their input order.
import torch

x = torch.tensor([1., 2., 3.], requires_grad=True)
b = torch.tensor(2., requires_grad=True)
x.register_hook(lambda g: print("x hook", g))
b.register_hook(lambda g: print("b hook", g))
y = (x * b).pow(2).sum()
y.backward()

w = torch.tensor(1.5, requires_grad=True)
c = torch.tensor(0.5, requires_grad=True)
u = w * 2
v = u.exp() + w * c + c.sin()
w.register_hook(lambda g: print("w hook", g))
c.register_hook(lambda g: print("c hook", g))
u.register_hook(lambda g: print("u hook", g))
v.backward()
print(w.grad, c.grad)

p = torch.tensor([1., -1.], requires_grad=True)
q = torch.tensor([2., 3.], requires_grad=True)
r = torch.tensor(4., requires_grad=True)
for name, t in (("p", p), ("q", q), ("r", r)):
    t.register_hook(lambda g, name=name: print(name, "hook", g))
s = (p * q).sum() * r + (q - r).pow(2).mean()
s.backward()
