# A custom Function whose backward runs backward() over part of the outer graph (reentrant backward)
import torch
from torch.autograd import Function

class Reent(Function):
    @staticmethod
    def forward(ctx, a, shared):
        ctx.shared = shared
        return a.clone()
    @staticmethod
    def backward(ctx, g):
        with torch.enable_grad():
            s = ctx.shared
            (s * 10).sum().backward(retain_graph=True)
        return g, None

x = torch.tensor([1., 2.], requires_grad=True)
h = x * 3          # shared between the outer graph and the inner backward
y = Reent.apply(h, h)
z = (y * h).sum()
z.backward()
print(x.grad)
