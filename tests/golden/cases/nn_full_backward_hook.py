import torch
import torch.nn as nn
torch.manual_seed(0)

class Net(nn.Module):
    def __init__(self):
        super().__init__()
        self.fc1 = nn.Linear(3, 4)
        self.act = nn.Tanh()
        self.fc2 = nn.Linear(4, 2)
    def forward(self, x):
        return self.fc2(self.act(self.fc1(x)))

net = Net()
def show(module, grad_input, grad_output):
    print(type(module).__name__, "grad_input:", grad_input)
    print(type(module).__name__, "grad_output:", grad_output)

handles = [m.register_full_backward_hook(show) for m in (net.fc1, net.act, net.fc2)]
x = torch.randn(5, 3)
out = net(x)
print(out)
out.sum().backward()
print(net.fc1.weight.grad)

# a hook that scales the input gradient
for h in handles:
    h.remove()
print(net.fc2._backward_hooks)
def double(module, grad_input, grad_output):
    return tuple(g * 2 if g is not None else None for g in grad_input)
net.act.register_full_backward_hook(double)
net.zero_grad()
xr = torch.randn(2, 3, requires_grad=True)
y = net(xr)
y.pow(2).mean().backward()
print(xr.grad)
print(net.fc1.bias.grad)

# input requires grad, module with two inputs
class Add(nn.Module):
    def forward(self, a, b):
        return a * b, a + b
m = Add()
m.register_full_backward_hook(lambda mod, gi, go: print("Add:", gi, go))
a = torch.tensor([1., 2.], requires_grad=True)
b = torch.tensor([3., 4.])
p, s = m(a, b)
print(p, s)
(p.sum() + 2 * s.sum()).backward()
print(a.grad)

# mixing the two kinds
lin = nn.Linear(2, 2)
lin.register_backward_hook(lambda *args: None)
try:
    lin.register_full_backward_hook(lambda *args: None)
except RuntimeError as e:
    print("RuntimeError:", e)
