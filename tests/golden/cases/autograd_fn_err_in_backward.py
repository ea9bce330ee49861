import torch
from torch.autograd import Function


class Fails(Function):
    @staticmethod
    def forward(ctx, a):
        return a * 2

    @staticmethod
    def backward(ctx, g):
        raise ValueError("backward failed on purpose")


x = torch.tensor([1., 2.], requires_grad=True)
y = Fails.apply(x)
try:
    y.sum().backward()
except ValueError as e:
    print("caught:", e)
print(x.grad)
Fails.apply(x).sum().backward()
