import torch
def tr(f):
    try: print(repr(f()))
    except Exception as e: print(type(e).__name__+": "+str(e))
def f1():
    x = torch.tensor([1., -2., 3.], requires_grad=True)
    y = x * 2
    z = y * y
    y[y > 0] = 0
    z.sum().backward()
    return x.grad
tr(f1)
def f2():
    x = torch.tensor([1., -2., 3.], requires_grad=True)
    y = x * 2
    z = y.exp()
    y.masked_fill_(y > 0, 1.)
    z.sum().backward()
    return x.grad
tr(f2)
def f3():
    x = torch.tensor([1., -2., 3.], requires_grad=True)
    y = x.clone()
    y[y < 0] = 0
    y.retain_grad()
    (y * y).sum().backward()
    return x.grad, y.grad
tr(f3)
def f4():
    x = torch.tensor([[1., -2.], [3., 4.]], requires_grad=True)
    v = torch.tensor([10., 20.], requires_grad=True)
    y = x * 1
    y[torch.tensor([False, True])] = v
    y.sum().backward()
    return x.grad, v.grad
tr(f4)
def f5():
    x = torch.tensor([1., 2., 3.], requires_grad=True)
    with torch.no_grad():
        x[x > 1] = 0
    return x
tr(f5)
def f6():
    x = torch.tensor([1., 2., 3.], requires_grad=True)
    m = x.detach() > 1
    y = x[m] ** 2
    y.sum().backward()
    return y, x.grad
tr(f6)

x = torch.tensor([1., 2.], requires_grad=True)
t = torch.zeros(3)
t[torch.tensor([True, False, True])] = x * 2
print(t, t.is_leaf, t.requires_grad)
t.sum().backward()
print(x.grad)
u = torch.zeros(2, 2)
u[torch.tensor([True, False])] = x
print(u)
(u * torch.tensor([[1., 2.], [3., 4.]])).sum().backward()
print(x.grad)
