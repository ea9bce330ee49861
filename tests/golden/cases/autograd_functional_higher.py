import torch
from torch.autograd.functional import hessian, hvp, vhp, jvp, vjp, jacobian

# Hessians, Hessian-vector and Jacobian-vector products, as the autograd tutorials use them.
def f(x):
    return (x ** 3).sum() + (x[0] * x[1]).sin()

x = torch.tensor([0.5, -1.2, 2.0])
print(hessian(f, x))
v = torch.tensor([1.0, 0.5, -2.0])
print(hvp(f, x, v))
print(vhp(f, x, v))

def g(a, b):
    return (a.exp() * b).sum() + (a * a * b.tanh()).mean()

a = torch.tensor([[0.1, 0.2], [0.3, -0.4]])
b = torch.tensor([[1.0, -1.0], [0.5, 2.0]])
H = hessian(g, (a, b))
print(type(H).__name__, len(H), type(H[0]).__name__, [h.shape for h in H[0]])
print(H[0][1])
print(H[1][1])
print(hvp(g, (a, b), (torch.ones(2, 2), b)))

def h(x):
    return torch.stack([x[0] * x[1], x[1].exp(), (x ** 2).sum()])

print(jvp(h, x, v))
print(jvp(lambda t: t.sin() * 2, torch.tensor(0.3)))
print(vjp(h, x, torch.ones(3), create_graph=True))
J = jacobian(h, x, create_graph=True)
print(J)
print(torch.autograd.grad(J.sum(), x.requires_grad_()) if False else J.requires_grad)

# A loss's Hessian with respect to a model's weights.
torch.manual_seed(0)
X = torch.randn(5, 2)
y = torch.randn(5)
w = torch.randn(2)
loss = lambda w: ((X @ w - y) ** 2).mean()
print(hessian(loss, w))
print(hessian(lambda w: torch.nn.functional.mse_loss(torch.tanh(X @ w), y), w))
print(hvp(lambda w: torch.nn.functional.cross_entropy(X * w, torch.tensor([0, 1, 1, 0, 1])), w, torch.ones(2)))

# Errors
for bad in [lambda: hessian(lambda x: x * 2, x), lambda: hessian(lambda x: (x, x), x), lambda: hvp(f, x),
            lambda: jvp(h, x, torch.ones(2)), lambda: hvp(f, x, (v, v))]:
    try:
        bad()
    except RuntimeError as e:
        print("RuntimeError:", e)
