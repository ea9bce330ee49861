# nn.Conv1d/Conv2d/MaxPool2d/AvgPool2d/AdaptiveAvgPool2d: reprs, seeded parameters, a LeNet-style
# CNN trained for ten steps with SGD (losses, grads), a small conv/pool stack
import torch
from torch import nn
import torch.nn.functional as F
torch.manual_seed(0)
print(nn.Conv2d(1, 6, 5))
print(nn.Conv2d(3, 8, (3, 5), stride=(2, 1), padding=1, bias=False))
print(nn.Conv2d(4, 8, 3, padding='same', dilation=2, groups=2))
print(nn.Conv1d(16, 33, 3, stride=2))
print(nn.MaxPool2d(2), nn.MaxPool2d(3, stride=2, padding=1, ceil_mode=True))
print(nn.AvgPool2d(2), nn.AvgPool2d((3, 2), stride=(2, 1)))
print(nn.MaxPool1d(3), nn.AvgPool1d(3))
print(nn.AdaptiveAvgPool2d((5, 7)), nn.AdaptiveAvgPool2d(1))
c = nn.Conv2d(2, 3, 3)
print(c.weight)
print(c.bias)
print([(n, tuple(p.shape)) for n, p in c.named_parameters()])
class Net(nn.Module):
    # LeNet's layout, small enough that every matmul stays within gradlab's own kernel (golden
    # cases run without the reference's OpenBLAS setting)
    def __init__(self):
        super().__init__()
        self.conv1 = nn.Conv2d(1, 6, 5)
        self.pool = nn.MaxPool2d(2, 2)
        self.conv2 = nn.Conv2d(6, 8, 3)
        self.fc1 = nn.Linear(8 * 2 * 2, 12)
        self.fc2 = nn.Linear(12, 10)
    def forward(self, x):
        x = self.pool(F.relu(self.conv1(x)))
        x = self.pool(F.relu(self.conv2(x)))
        x = torch.flatten(x, 1)
        x = F.relu(self.fc1(x))
        return self.fc2(x)
net = Net()
print(net)
opt = torch.optim.SGD(net.parameters(), lr=0.05, momentum=0.9)
x = torch.randn(8, 1, 16, 16)
y = torch.randint(0, 10, (8,))
lossf = nn.CrossEntropyLoss()
for step in range(10):
    opt.zero_grad()
    out = net(x)
    loss = lossf(out, y)
    loss.backward()
    opt.step()
    print(step, loss.item())
print(net.conv1.weight.grad.sum().item(), net.conv2.bias.grad.tolist())
print(net(x[:1]).tolist())
small = nn.Sequential(nn.Conv2d(3, 4, 3, padding=1), nn.ReLU(), nn.AvgPool2d(2), nn.Conv2d(4, 2, 3), nn.AdaptiveAvgPool2d((1, 1)), nn.Flatten())
inp = torch.randn(1, 3, 8, 8)
for step in range(3):
    out = small(inp)
    out.sum().backward()
    print(out.tolist(), small[0].weight.grad.sum().item())
