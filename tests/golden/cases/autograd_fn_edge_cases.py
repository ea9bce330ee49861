# torch.autograd.Function: saving non-tensors, dirty leaves, list outputs, None gradients, saved None, freed ctx
import torch
from torch.autograd import Function
class SaveInt(Function):
    @staticmethod
    def forward(ctx, a):
        ctx.save_for_backward(a, 3)
        return a * 2
    @staticmethod
    def backward(ctx, g):
        return g
x = torch.tensor([1., 2.], requires_grad=True)
try:
    SaveInt.apply(x)
except Exception as e: print(type(e).__name__, e)
class DirtyLeaf(Function):
    @staticmethod
    def forward(ctx, a):
        a.add_(1)
        ctx.mark_dirty(a)
        return a
    @staticmethod
    def backward(ctx, g):
        return g
try:
    DirtyLeaf.apply(x)
except Exception as e: print(type(e).__name__, e)
print(x)
class RetList(Function):
    @staticmethod
    def forward(ctx, a):
        return [a * 2, a * 3]
    @staticmethod
    def backward(ctx, g):
        return g
r = RetList.apply(x)
print(r)
class NoneGrad(Function):
    @staticmethod
    def forward(ctx, a):
        return a * 2
    @staticmethod
    def backward(ctx, g):
        return None
y = NoneGrad.apply(x)
z = y * 3 + x
z.sum().backward()
print(x.grad)
class Two(Function):
    @staticmethod
    def forward(ctx, a, b):
        return a + b
    @staticmethod
    def backward(ctx, g):
        return g, g
p = torch.tensor(2., requires_grad=True)
q = Two.apply(x, p)
print(q)
q.sum().backward()
print(x.grad, p.grad)
class IntIn(Function):
    @staticmethod
    def forward(ctx, a):
        return a.float() * 2
    @staticmethod
    def backward(ctx, g):
        return g
print(IntIn.apply(torch.tensor([1, 2])))
class Save2(Function):
    @staticmethod
    def forward(ctx, a):
        ctx.save_for_backward(None, a)
        return a.clone()
    @staticmethod
    def backward(ctx, g):
        n, a = ctx.saved_tensors
        print(n, a)
        return g
Save2.apply(x).sum().backward()
print(Save2.apply(x).grad_fn.saved_tensors)
