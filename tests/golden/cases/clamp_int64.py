# clamp on int64 tensors with one bound missing (a NaN bound must not be cast to an integer)
import torch
t = torch.tensor([-3, 0, 5, 9])
print(t.clamp(min=0), t.clamp(max=4), t.clamp(0, 4), torch.clamp(t, min=-1))
x = torch.tensor([-1., 2., 7.], requires_grad=True)
y = x.clamp(min=0)
y.sum().backward()
print(y, x.grad)
