import torch
torch.manual_seed(0)
x = torch.rand(3, dtype=torch.double, requires_grad=True)
y = torch.rand(3, dtype=torch.double, requires_grad=True)
print(torch.autograd.gradcheck(lambda a, b: (a * b.exp() / (a + 2)).sin(), (x, y)))
print(torch.autograd.gradgradcheck(lambda a, b: a ** 3 * b, (x, y)))
print(torch.rand(2))
class Bad(torch.autograd.Function):
    @staticmethod
    def forward(ctx, a):
        ctx.save_for_backward(a)
        return a * a
    @staticmethod
    def backward(ctx, g):
        a, = ctx.saved_tensors
        return g * a
try:
    torch.autograd.gradcheck(Bad.apply, (x,))
except RuntimeError as e:
    print(type(e).__name__, str(e).split(",")[0])
print(torch.autograd.gradcheck(Bad.apply, (x,), raise_exception=False))
print(torch.autograd.gradcheck(lambda a: a * 2, (torch.ones(2, requires_grad=True),), eps=1e-3, atol=1e-2))
try:
    torch.autograd.gradcheck(lambda a: a * 2, (torch.ones(2, dtype=torch.double),))
except ValueError as e:
    print(e)
