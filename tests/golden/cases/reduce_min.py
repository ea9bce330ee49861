# min over all elements and along a dim (values, indices, keepdim), ties sharing the gradient, NaN, ints
import torch
torch.manual_seed(0)
x = torch.randn(3, 4, requires_grad=True)
m = x.min()
print(m, torch.min(x, 1), x.min(dim=0, keepdim=True))
(m + x.min(1).values.sum()).backward()
print(x.grad)
t = torch.tensor([[3, 1, 1], [0, 5, 0]])
print(t.min(), t.min(1), torch.tensor([2., float('nan'), 1.]).min())
print(torch.tensor([1., 1., 3.], requires_grad=True).min().grad_fn.name(), x.min(1).values.grad_fn.name())
