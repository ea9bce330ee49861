# log_softmax over a dim that is not the last: ATen's _vec_logsoftmax (max from -inf, the exp of
# whole vectors with SLEEF and of the leftover positions with the C library), and its backward.
import torch
import torch.nn.functional as F
torch.manual_seed(0)
for shape, dim in [((5, 8), 0), ((7, 3), 0), ((4, 13), 0), ((6, 20), -2), ((3, 4, 5), 1), ((2, 3, 17), 0), ((4, 3, 1), 1)]:
    x = (torch.randn(*shape) * 3).requires_grad_()
    y = F.log_softmax(x, dim)
    print(shape, dim, y.grad_fn.name(), y.flatten().tolist()[:12])
    y.backward(torch.randn(*shape))
    print(x.grad.flatten().tolist()[:12])
xd = torch.randn(3, 6, dtype=torch.float64, requires_grad=True)
y = torch.log_softmax(xd, 0)
y[0].sum().backward()
print(y, xd.grad)
print(F.log_softmax(torch.randn(2, 3, 4)))
print(torch.randn(4, 2).log_softmax(0))
print(F.log_softmax(torch.tensor([[1.0, float('nan')], [2.0, 0.0], [float('nan'), 1.0]]), 0))
