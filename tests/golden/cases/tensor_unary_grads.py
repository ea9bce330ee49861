import torch
x = torch.tensor([0.5, 1.0, 2.0], requires_grad=True)
ops = [torch.exp(x), torch.log(x), torch.sqrt(x), torch.sin(x), torch.cos(x)]
for v in ops:
    print(v)
total = ops[0].sum() + ops[1].sum() + ops[2].sum() + ops[3].sum() + ops[4].sum()
total.backward()
print(x.grad)
z = torch.tensor([-2.0, 0.0, 3.0], requires_grad=True)
a = torch.abs(z)
print(a)
a.sum().backward()
print(z.grad)
w = torch.tensor([1.0, 4.0], requires_grad=True)
m = w.exp().sum() + w.log().sum() + w.sqrt().sum() + w.sin().sum() + w.cos().sum() + w.abs().sum()
print(m)
m.backward()
print(w.grad)
