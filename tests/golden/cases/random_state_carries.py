# The generator's state carries across calls and functions: interleaved draws of different
# kinds, the double-normal spare left by an odd-sized randn, and re-seeding clearing it.
import torch

torch.manual_seed(42)
w = torch.randn(3, requires_grad=True)
print(w)
print(torch.rand(3))
print(torch.randn(1), torch.randn(1), torch.randn(1))
print(torch.randint(0, 10, (5,)))
print(torch.randn(17))
print(torch.randperm(8))
print(torch.rand(2, 2))
torch.manual_seed(42)
print(torch.randn(3))
print(torch.randn(1))  # randn(3) drew two pairs and left a spare: this is it
torch.manual_seed(1)
a = torch.randn(1)
torch.manual_seed(1)
b = torch.randn(1)
print(a, b, a.item() == b.item())
print(torch.initial_seed())
g = torch.manual_seed(5)
print(type(g).__name__, g.initial_seed())
print(torch.rand(3))

# The classic tutorial pattern
torch.manual_seed(0)
x = torch.randn(4, 3)
w = torch.randn(3, 1, requires_grad=True)
b = torch.zeros(1, requires_grad=True)
y = torch.sigmoid(x @ w + b)
loss = ((y - 1) ** 2).mean()
loss.backward()
print(x)
print(y)
print(loss)
print(w.grad, b.grad)
