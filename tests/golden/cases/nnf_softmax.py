# softmax / log_softmax over the last dim: ATen sums each row in vector lanes, then the lanes.
import torch
import torch.nn.functional as F
torch.manual_seed(0)
for n in [1, 3, 8, 13, 37, 100]:
    x = (torch.randn(3, n) * 3).requires_grad_()
    y = F.softmax(x, dim=1)
    print(n, y.tolist()[0][:5], y.sum(1).tolist())
    (y * torch.arange(float(3 * n)).reshape(3, n).sin()).sum().backward()
    print(x.grad.tolist()[1][:5])
    x.grad = None
    z = F.log_softmax(x, -1)
    print(z.tolist()[2][:5])
    (z * torch.arange(float(3 * n)).reshape(3, n).cos()).sum().backward()
    print(x.grad.tolist()[0][:5])
x = torch.randn(2, 5, dtype=torch.float64, requires_grad=True)
y = torch.softmax(x, 1)
print(y)
y[:, 0].sum().backward()
print(x.grad)
print(x.softmax(-1).tolist(), x.log_softmax(dim=1))
print(torch.log_softmax(x, 1))
v = torch.randn(6, requires_grad=True)
print(F.softmax(v, 0), F.log_softmax(v, dim=0))
print(F.softmax(torch.randn(2, 4), dim=1, dtype=torch.float64))
s = torch.tensor(2.5, requires_grad=True)
print(F.softmax(s, 0), F.log_softmax(s, 0))
print(F.softmax(torch.tensor([[1.0, float('inf'), 2.0], [0.0, 1.0, float('nan')]]), 1))
print(F.softmax(torch.tensor([[1.0, 2.0], [3.0, 4.0]])))
