# PyTorch's own messages for misuse of Module, Parameter and the optimizers
import torch
from torch import nn

def attempt(f):
    try:
        f()
    except Exception as e:
        print(type(e).__name__ + ':', e)

class Early(nn.Module):
    def __init__(self):
        self.w = nn.Parameter(torch.ones(1))
attempt(lambda: Early())

class Net(nn.Module):
    def __init__(self):
        super().__init__()
        self.w = nn.Parameter(torch.ones(2))
        self.register_buffer('running', torch.zeros(2))
        self.sub = nn.Sequential(nn.Tanh())
net = Net()
def assign_tensor():
    net.w = torch.zeros(2)
attempt(assign_tensor)
def assign_module_slot():
    net.sub = 3
attempt(assign_module_slot)
def assign_buffer():
    net.running = 5
attempt(assign_buffer)
attempt(lambda: net.register_parameter('a.b', None))
attempt(lambda: net.register_parameter('running', None))
attempt(lambda: net.register_parameter('q', torch.ones(1)))
attempt(lambda: net.register_buffer('', torch.ones(1)))
attempt(lambda: net.add_module('x', 5))
attempt(lambda: net.nothing)
x = torch.ones(2, requires_grad=True)
attempt(lambda: net.register_parameter('nl', nn.Parameter(x) if False else None))
attempt(lambda: net.load_state_dict({'w': torch.ones(3), 'extra': torch.ones(1)}))
attempt(lambda: net.load_state_dict({'w': torch.ones(2)}))
print(net.load_state_dict({'w': torch.full((2,), 7.), 'running': torch.ones(2)}))
print(net.load_state_dict({'w': torch.ones(2)}, strict=False))
print(net.w, net.running)
attempt(lambda: net.train('yes'))
attempt(lambda: nn.Dropout(1.5))
attempt(lambda: torch.optim.SGD(net.parameters()))
attempt(lambda: torch.optim.SGD(net.parameters(), lr=-1))
attempt(lambda: torch.optim.SGD(net.parameters(), lr=0.1, momentum=-1))
attempt(lambda: torch.optim.SGD(net.parameters(), lr=0.1, nesterov=True))
attempt(lambda: torch.optim.Adam(net.parameters(), betas=(1.0, 0.9)))
attempt(lambda: torch.optim.Adam(net.parameters(), eps=-1))
attempt(lambda: torch.optim.SGD(torch.ones(2), lr=0.1))
attempt(lambda: torch.optim.SGD([x * 2], lr=0.1))
attempt(lambda: torch.optim.SGD([1.0], lr=0.1))
attempt(lambda: torch.optim.lr_scheduler.StepLR(5, 1))
opt = torch.optim.SGD(net.parameters(), lr=0.1)
attempt(lambda: opt.add_param_group({'params': net.w}))
attempt(lambda: net.sub[3])
attempt(lambda: nn.Module()(torch.ones(1)))
torch.optim.SGD([], lr=0.1)
