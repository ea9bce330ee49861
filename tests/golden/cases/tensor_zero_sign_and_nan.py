# Signed zeros and NaN through the element-wise ops: abs(-0.) is 0., relu keeps -0. and nan
# (it is clamp_min(x, 0)), and torch.maximum keeps the second of two equal values in its
# vectorised part (16 floats at a time) but the first in the rest (Note [Position in the run]).
import torch

x = torch.tensor([float('nan'), -0.0, 0.0, -1.0, 2.0, float('inf'), float('-inf')], requires_grad=True)
y = torch.relu(x)
print(y)
y.backward(torch.full((7,), -2.0))
print(x.grad)
z = torch.tensor([float('nan'), -0.0, 1.0] * 7, requires_grad=True)
print(torch.relu(z).tolist())
torch.relu(z).sum().backward()
print(z.grad.tolist())
print(x.detach().clamp(-1, 1), x.detach().abs(), torch.maximum(x.detach(), torch.tensor(0.0)))

a = torch.full((20,), -0.0)
b = torch.zeros(20)
print(torch.maximum(a, b).tolist())
print(torch.maximum(b, a).tolist())
print(torch.maximum(a, torch.tensor(0.0)).tolist())
d = torch.full((10,), -0.0, dtype=torch.float64)
print(torch.maximum(d, torch.zeros(10, dtype=torch.float64)).tolist())
print(torch.maximum(torch.tensor([float('nan'), 1.0]), torch.tensor([1.0, float('nan')])))
print(torch.maximum(torch.tensor([1, 5, 3]), torch.tensor([4, 2, 3])))
print(torch.tensor([-3, 0, 2]).abs(), torch.tensor([-0.0, -2.5]).abs(), torch.tensor([-0.0]).sqrt())
print(torch.zeros(3) * -1, -torch.zeros(2), torch.tensor(-0.0).item(), torch.tensor([-0.0]).tolist())
