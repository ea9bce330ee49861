# torch.autograd.Function: the docs' MulConstant, its node and ctx
import torch
from torch.autograd import Function


class MulConstant(Function):
    @staticmethod
    def forward(ctx, tensor, constant):
        ctx.constant = constant
        return tensor * constant

    @staticmethod
    def backward(ctx, grad_output):
        return grad_output * ctx.constant, None


x = torch.tensor([1., 2., 3.], requires_grad=True)
y = MulConstant.apply(x, 5.0)
print(y)
print(y.requires_grad, y.is_leaf)
print(type(y.grad_fn).__name__, y.grad_fn.name())
print(type(y.grad_fn).__module__)
print(y.grad_fn.needs_input_grad, y.grad_fn.constant)
print(len(y.grad_fn.next_functions), type(y.grad_fn.next_functions[0][0]).__name__, y.grad_fn.next_functions[0][1])
print(y.grad_fn.next_functions[0][0].variable is x)
print(y.grad_fn.metadata)
print(y.grad_fn.saved_tensors)
z = y.sum()
print(z)
print(type(z.grad_fn.next_functions[0][0]).__name__, z.grad_fn.next_functions[0][0] is y.grad_fn)
z.backward()
print(x.grad)
w = MulConstant.apply(x * 2, 3)
print(w)
w.backward(torch.tensor([1., 0., 2.]))
print(x.grad)
c = MulConstant.apply(torch.tensor([1., 2.]), 3.0)
print(c, c.requires_grad, c.grad_fn)
with torch.no_grad():
    d = MulConstant.apply(x, 3.0)
print(d, d.requires_grad, d.grad_fn)
print(isinstance(y.grad_fn, torch.autograd.function.BackwardCFunction))
print(isinstance(y.grad_fn, torch.autograd.function.FunctionCtx))
print(MulConstant.__mro__[1] is Function)
print(y.grad_fn is y.grad_fn)
