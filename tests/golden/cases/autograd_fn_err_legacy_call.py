import torch
from torch.autograd import Function


class MulConstant(Function):
    @staticmethod
    def forward(ctx, tensor, constant):
        return tensor * constant

    @staticmethod
    def backward(ctx, grad_output):
        return grad_output, None


x = torch.tensor([1., 2., 3.], requires_grad=True)
print(MulConstant.apply(x, 2.0))
MulConstant()(x, 2.0)
