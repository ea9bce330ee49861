# F.linear on small layers, the shapes nn.Linear sees, printed as PyTorch prints them.
import torch
import torch.nn.functional as F
torch.manual_seed(1)
x = torch.randn(5, 3)
w = torch.randn(4, 3, requires_grad=True)
b = torch.randn(4, requires_grad=True)
y = F.linear(x, w, b)
print(y)
loss = (y ** 2).mean()
loss.backward()
print(w.grad)
print(b.grad)
h = torch.tanh(F.linear(torch.randn(8, 4), torch.randn(6, 4), torch.randn(6)))
print(h)
print(F.linear(torch.randn(4, 3), torch.randn(2, 3)))
