import torch

# masked_fill with a 0-d value tensor that requires grad: the value's gradient is the sum of the
# gradient over the filled positions (MaskedFillBackward1).
x = torch.tensor([[1.0, -2.0, 3.0], [0.5, 4.0, -1.0]], requires_grad=True)
v = torch.tensor(0.25, requires_grad=True)
y = x.masked_fill(x > 0.7, v)
print(y)
(y * torch.tensor([1.0, 2.0, 3.0])).sum().backward()
print(x.grad, v.grad)
w = torch.zeros(2, 3).masked_fill(torch.tensor([True, False, True]), v * 3)
print(w)
w.pow(2).sum().backward()
print(v.grad)
