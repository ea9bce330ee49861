# nn.Module basics: Parameter registration and repr, named_parameters, state_dict, SGD, train/eval, a Module without forward
import torch
from torch import nn
torch.manual_seed(0)
class Poly(nn.Module):
    def __init__(self):
        super().__init__()
        self.a = nn.Parameter(torch.randn(()))
        self.b = nn.Parameter(torch.randn(2))
        self.lin = nn.Sequential(nn.Tanh(), nn.Flatten(0, 1))
    def forward(self, x):
        return self.a + self.b * x
m = Poly()
print(m)
print(m.a)
print(type(m.a), isinstance(m.a, nn.Parameter), isinstance(m.a, torch.Tensor))
for n, p in m.named_parameters():
    print(n, p)
print(list(m.parameters()))
print(m.state_dict())
print(m(torch.ones(2)))
opt = torch.optim.SGD(m.parameters(), lr=0.1)
print(opt)
loss = m(torch.ones(2)).sum()
loss.backward()
opt.step()
print(m.a, m.b)
print(type(m), type(m.lin))
m.eval()
print(m.training, m.lin.training)
class Net(nn.Module):
    pass
Net()(1)
