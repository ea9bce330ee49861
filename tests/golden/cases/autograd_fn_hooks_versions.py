# torch.autograd.Function: hooks and retain_grad on its outputs, needs_input_grad, version checks
import torch
from torch.autograd import Function


class Double(Function):
    @staticmethod
    def forward(ctx, a):
        ctx.save_for_backward(a)
        return a * 2

    @staticmethod
    def backward(ctx, g):
        a, = ctx.saved_tensors
        print("needs", ctx.needs_input_grad)
        return g * 2 if ctx.needs_input_grad[0] else None


x = torch.tensor([1., 2.], requires_grad=True)
y = Double.apply(x)
y.retain_grad()
h = y.register_hook(lambda g: print("hook", g))
(y * 3).sum().backward()
print(x.grad, y.grad)
try:
    Function.apply(x)
except NotImplementedError as e:
    print("NotImplementedError:", e)
try:
    Double.apply(a=x)
except TypeError as e:
    print("TypeError:", e)
x3 = torch.tensor([1., 2.], requires_grad=True)
print(torch.autograd.grad(Double.apply(x3).sum(), x3))
print(x3.grad)
x2 = torch.tensor([1., 2.], requires_grad=True)
a = x2 * 1
y = Double.apply(a)
a.mul_(2)
try:
    y.sum().backward()
except RuntimeError as e:
    print("RuntimeError:", e)
with torch.inference_mode():
    inf = torch.ones(2)
    inf.add_(1)
try:
    inf.add_(1)
except RuntimeError as e:
    print("RuntimeError:", e)
print(inf)
