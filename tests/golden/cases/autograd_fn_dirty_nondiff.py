# torch.autograd.Function: mark_dirty, mark_non_differentiable, inputs returned as outputs
import torch
from torch.autograd import Function


class AddOneInplace(Function):
    @staticmethod
    def forward(ctx, a):
        a.add_(1)
        ctx.mark_dirty(a)
        return a

    @staticmethod
    def backward(ctx, g):
        return g * 2


x = torch.tensor([1., 2.], requires_grad=True)
y = x * 1
z = AddOneInplace.apply(y)
print(z, z is y)
print(y)
z.sum().backward()
print(x.grad)


class SortWithIndices(Function):
    @staticmethod
    def forward(ctx, a):
        idx = torch.tensor([1, 0])
        ctx.mark_non_differentiable(idx)
        return a * 2, idx

    @staticmethod
    def backward(ctx, g, g_idx):
        print("g_idx:", g_idx)
        return g * 2


x = torch.tensor([1., 2.], requires_grad=True)
v, i = SortWithIndices.apply(x)
print(v, i, i.requires_grad)
v.sum().backward()
print(x.grad)


class Identity(Function):
    @staticmethod
    def forward(ctx, a):
        return a

    @staticmethod
    def backward(ctx, g):
        return g * 3


x = torch.tensor([1., 2.], requires_grad=True)
y = Identity.apply(x)
print(y, y is x, x.is_leaf, y.is_leaf)
y.sum().backward()
print(x.grad)


class NonTensorOut(Function):
    @staticmethod
    def forward(ctx, a, n):
        return a * n, n + 1

    @staticmethod
    def backward(ctx, g, g_n):
        print("g_n:", g_n)
        return g, None


x = torch.tensor([1., 2.], requires_grad=True)
t, n = NonTensorOut.apply(x, 2)
print(t, n)
t.sum().backward()
print(x.grad)
