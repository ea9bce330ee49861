# torch.autograd.Function: inputs returned as is, outputs of another dtype, gradients cast to the input's dtype
import torch
from torch.autograd import Function
class Identity(Function):
    @staticmethod
    def forward(ctx, a):
        return a
    @staticmethod
    def backward(ctx, g):
        return g
x = torch.tensor([1., 2.])
print(Identity.apply(x) is x)
w = torch.tensor([1., 2.], requires_grad=True)
with torch.no_grad():
    print(Identity.apply(w) is w, Identity.apply(w).requires_grad)
class Half(Function):
    @staticmethod
    def forward(ctx, a):
        return a.half() if False else a.double()
    @staticmethod
    def backward(ctx, g):
        print(g.dtype)
        return g
y = Half.apply(w)
print(y)
y.sum().backward()
print(w.grad)
class Mixed(Function):
    @staticmethod
    def forward(ctx, a, b):
        return a * b
    @staticmethod
    def backward(ctx, g):
        return g.double(), g
m = Mixed.apply(w, torch.tensor([3., 4.], requires_grad=True))
m.sum().backward()
print(w.grad, w.grad.dtype)
