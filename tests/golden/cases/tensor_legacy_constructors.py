# The legacy constructors tutorials still use: torch.Tensor(data) is float32 whatever the data,
# torch.Tensor(sizes) has that shape, the typed ones convert, and Variable is a detached leaf.
import torch
from torch.autograd import Variable

print(torch.Tensor([1, 2]), torch.Tensor([[1.5], [2]]), torch.Tensor((1, 2)), torch.Tensor([True]))
print(torch.Tensor(), torch.Tensor(2, 3).shape, torch.Tensor(torch.Size([4])).shape)
print(torch.Tensor(torch.tensor([1, 2])), torch.Tensor(torch.tensor([1.0, 2.0])))
print(torch.LongTensor([1.7, 2]), torch.FloatTensor([1, 2]), torch.DoubleTensor([1]))
x = torch.Tensor([-4.0]).double()
x.requires_grad = True
y = (2 * x + 2 + x).relu() * x
y.backward()
print(x.grad, y)
a = torch.ones(2)
v = Variable(a, requires_grad=True)
print(v, v.is_leaf, a.requires_grad, v is a)
w = Variable(v * 2)
print(w, w.requires_grad, w.grad_fn)
print(Variable(torch.zeros(3)))
