# torch.autograd.Function: save_for_backward, several outputs, undefined gradients
import torch
from torch.autograd import Function
from torch.autograd.function import once_differentiable


class Exp(Function):
    @staticmethod
    def forward(ctx, i):
        result = i.exp()
        ctx.save_for_backward(result)
        return result

    @staticmethod
    def backward(ctx, grad_output):
        result, = ctx.saved_tensors
        print("saved:", result)
        return grad_output * result


x = torch.tensor([0., 1., 2.], requires_grad=True)
y = Exp.apply(x)
print(y)
y.sum().backward()
print(x.grad)


class SumProd(Function):
    @staticmethod
    def forward(ctx, a, b):
        ctx.save_for_backward(a, b)
        return a + b, a * b

    @staticmethod
    def backward(ctx, g_sum, g_prod):
        a, b = ctx.saved_tensors
        print("grads in:", g_sum, g_prod)
        return g_sum + g_prod * b, g_sum + g_prod * a


a = torch.tensor([1., 2.], requires_grad=True)
b = torch.tensor([3., 4.])
s, p = SumProd.apply(a, b)
print(s, p)
print(s.grad_fn is p.grad_fn)
print(p.grad_fn.needs_input_grad)
print([f if f is None else type(f).__name__ for f, _ in p.grad_fn.next_functions])
p.sum().backward()
print(a.grad)
a.grad = None
s2, p2 = SumProd.apply(a, b)
(s2 * 2 + p2).sum().backward()
print(a.grad)


class NoMaterialize(Function):
    @staticmethod
    def forward(ctx, a):
        ctx.set_materialize_grads(False)
        return a * 2, a * 3

    @staticmethod
    def backward(ctx, g1, g2):
        print("g1:", g1, "g2:", g2)
        return g1 * 2 if g1 is not None else g2 * 3


a = torch.tensor([1., 2.], requires_grad=True)
u, v = NoMaterialize.apply(a)
v.sum().backward()
print(a.grad)


class Square(Function):
    @staticmethod
    def forward(ctx, a):
        ctx.save_for_backward(a)
        return a * a

    @staticmethod
    @once_differentiable
    def backward(ctx, g):
        a, = ctx.saved_tensors
        return 2 * a * g


q = torch.tensor([3., -1.], requires_grad=True)
r = Square.apply(q)
r.sum().backward()
print(q.grad)
print(Square.backward.__name__)
r2 = Square.apply(q)
r2.sum().backward(retain_graph=True)
r2.sum().backward()
print(q.grad)


class WithNone(Function):
    @staticmethod
    def forward(ctx, a, b):
        return a * b

    @staticmethod
    def backward(ctx, g):
        return g * 10, None


a = torch.tensor([1., 2.], requires_grad=True)
b = torch.tensor([5., 6.], requires_grad=True)
WithNone.apply(a, b).sum().backward()
print(a.grad, b.grad)


class ExtraNones(Function):
    @staticmethod
    def forward(ctx, a):
        return a.clone()

    @staticmethod
    def backward(ctx, g):
        return g, None, None


ExtraNones.apply(a).sum().backward()
print(a.grad)


class Broadcasting(Function):
    @staticmethod
    def forward(ctx, a):
        return a * 1

    @staticmethod
    def backward(ctx, g):
        return g.unsqueeze(0).expand(3, 2)


a.grad = None
Broadcasting.apply(a).sum().backward()
print(a.grad)
