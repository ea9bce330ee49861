# Hooks and retain_grad on the outputs of a two-output custom Function; hooks see None when no gradient arrives
import torch
from torch.autograd import Function
class SumProd(Function):
    @staticmethod
    def forward(ctx, a, b):
        ctx.save_for_backward(a, b)
        return a + b, a * b
    @staticmethod
    def backward(ctx, gs, gp):
        a, b = ctx.saved_tensors
        return gs + gp * b, gs + gp * a
a = torch.tensor([1., 2.], requires_grad=True)
b = torch.tensor([3., 4.], requires_grad=True)
s, p = SumProd.apply(a, b)
p.retain_grad()
s.register_hook(lambda g: print("s hook", g))
p.register_hook(lambda g: g * 2)
(s * 3 + p).sum().backward(retain_graph=True)
print(a.grad, b.grad, p.grad, s.grad)
print(torch.autograd.grad(p.sum(), [a, b]))
print(torch.autograd.grad(p.sum(), [p, s], allow_unused=True))
