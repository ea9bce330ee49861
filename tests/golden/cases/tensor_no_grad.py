import torch
x = torch.tensor([1.0, 2.0], requires_grad=True)

def f(t):
    return (t * t).sum()

with torch.no_grad():
    y = f(x)
    z = x * 2
    print(y, y.requires_grad, y.grad_fn)
    print(z.requires_grad, x.requires_grad)
    w = torch.ones(2, requires_grad=True)
    print(w.requires_grad, (w + 1).requires_grad)
y2 = f(x)
print(y2, y2.requires_grad)
y2.backward()
print(x.grad)
with torch.no_grad():
    x -= 0.5 * x.grad
    x.grad.zero_()
print(x, x.grad)
print(f(x))
