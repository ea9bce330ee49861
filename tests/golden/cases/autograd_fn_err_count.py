import torch
from torch.autograd import Function


class MulConstant(Function):
    @staticmethod
    def forward(ctx, tensor, constant):
        ctx.constant = constant
        return tensor * constant

    @staticmethod
    def backward(ctx, grad_output):
        return grad_output * ctx.constant


x = torch.tensor([1., 2., 3.], requires_grad=True)
y = MulConstant.apply(x, 5.0)
print(y)
y.sum().backward()
