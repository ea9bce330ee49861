# Note [Masked grads]: where PyTorch routes a gradient to some elements only (clamp, max,
# maximum), the others get +0, never -0, even when the gradient is negative.
import torch

x = torch.tensor([1., 3., 2.], requires_grad=True)
(-x.max()).backward()
print(x.grad)
x.grad = None
(-x.max(dim=0).values).backward()
print(x.grad)
y = torch.tensor([[1., 5.], [4., 2.]], requires_grad=True)
(-y.max(dim=1).values.sum()).backward()
print(y.grad)
a = torch.tensor([1., 3., 2.], requires_grad=True)
b = torch.tensor([2., 3., 1.], requires_grad=True)
(-torch.maximum(a, b).sum()).backward()
print(a.grad, b.grad)
c = torch.tensor([-2., 0.5, 3.], requires_grad=True)
(-c.clamp(-1, 1).sum()).backward()
print(c.grad)
c.grad = None
(-c.clamp(min=0).sum()).backward()
print(c.grad)
c.grad = None
(-c.clamp(max=0.5).sum()).backward()
print(c.grad)

# every op, with a negative, a positive and a negative-zero upstream gradient
vals = [-2.0, -1.0, -0.0, 0.0, 0.5, 1.0, 3.0, 1.0]
ops = [
    ("relu", lambda x: torch.relu(x)), ("abs", lambda x: x.abs()), ("clamp", lambda x: x.clamp(-1, 1)),
    ("sigmoid", lambda x: torch.sigmoid(x)), ("tanh", lambda x: torch.tanh(x)), ("cube", lambda x: x ** 3),
    ("mul0", lambda x: x * 0), ("maxdim", lambda x: x.reshape(2, 4).max(dim=1).values),
    ("maximum", lambda x: torch.maximum(x, torch.zeros(8))), ("mean", lambda x: x.mean()),
    ("select", lambda x: x[2]), ("slice", lambda x: x[1:3]), ("t", lambda x: x.reshape(2, 4).t()),
    ("mm", lambda x: x.reshape(2, 4) @ torch.ones(4, 1)), ("rdiv", lambda x: 1 / (x + 5)),
    ("dot", lambda x: x @ x), ("expand", lambda x: x.reshape(8, 1).expand(8, 3)),
]
for name, f in ops:
    for g in [-1.0, 1.0, -0.0]:
        x = torch.tensor(vals, requires_grad=True)
        y = f(x)
        y.backward(torch.full(y.shape, g))
        print(name, g, x.grad)
