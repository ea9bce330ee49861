import torch
from torch.autograd.functional import jacobian, vjp
torch.manual_seed(0)
def exp_adder(x, y):
    return 2 * x.exp() + 3 * y
inputs = (torch.rand(3), torch.rand(3))
print(jacobian(exp_adder, inputs))
print(jacobian(lambda x: x ** 2, torch.tensor([1.0, 2.0])))
print(jacobian(lambda x: (x.sum(), x * 3), torch.tensor([[1.0, 2.0], [3.0, 4.0]])))
print(vjp(lambda x: x.exp().sum(dim=1), torch.rand(2, 2), torch.ones(2)))
print(vjp(lambda x, y: 2 * x + 3 * y, (torch.rand(2), torch.rand(2)), torch.ones(2)))
print(jacobian(lambda x, y: x * 2, (torch.ones(2), torch.ones(2))))
for bad in [lambda: vjp(lambda x: x * 2, torch.ones(2)), lambda: jacobian(lambda x: x, [1.0]), lambda: vjp(lambda x: x*2, torch.ones(2), torch.ones(3))]:
    try:
        bad()
    except Exception as e:
        print(type(e).__name__, e)
