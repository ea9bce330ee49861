# Note [Position in the run]: PyTorch's sigmoid and pow compute 16 floats (8 doubles) at a time
# with SLEEF and the last n % 16 (n % 8) with the C library; float32 sin and cos reduce a whole
# vector of 8 the slow way when one lane is 125 or more in magnitude.
import torch

for n in [15, 16, 17, 33, 100]:
    x = torch.linspace(-6, 6, n)
    print(n, torch.sigmoid(x).tolist())
for n in [7, 8, 9, 12]:
    print(n, torch.sigmoid(torch.linspace(-6, 6, n, dtype=torch.float64)).tolist())
x = torch.linspace(-9, 9, 2001)
y = torch.sigmoid(x)
print(y[:20].tolist(), y[-20:].tolist(), y.sum().item())
z = torch.sigmoid(x * 1.5 + 0.25)   # a large element-wise chain is fused: the same bits
print(z[:20].tolist(), z.sum().item())
s = torch.linspace(-5, 5, 40, requires_grad=True)
torch.sigmoid(s).sum().backward()
print(s.grad[:20].tolist())

# a large neighbour switches the whole vector of 8 to Payne-Hanek reduction
for big in [125.0, 200.0, 556007.45, float('inf')]:
    v = torch.tensor([0.264, big, 1.0, 0.5, 2.0, 0.264, -0.264, 3.0, 0.264])
    print(big, v.cos().tolist(), v.sin().tolist())
h = torch.linspace(-300, 300, 999)
print(h.sin().sum().item(), h.cos().sum().item(), h.sin()[::50].tolist())
w = torch.tensor([0.264, 1.31, 0.81, -0.7, -556007.45, -4.0], requires_grad=True)
w.cos().sum().backward()
print(w.cos().tolist(), w.grad.tolist())

# pow: x ** number (the exponents 0, 1, 2, 3, 0.5, -0.5, -1, -2 are computed without pow),
# tensor ** tensor, number ** tensor, and the pow in their gradients
for n in [5, 19, 40]:
    x = torch.linspace(0.05, 4, n, requires_grad=True)
    for e in [1.7, 4, 2.5, -1.5, 0.3]:
        z = x ** e
        z.sum().backward()
        print(n, e, z.tolist(), x.grad.tolist())
        x.grad = None
    y = torch.linspace(-2.5, 2.5, n, requires_grad=True)
    w = x ** y
    w.sum().backward()
    print(w.tolist(), x.grad.tolist(), y.grad.tolist())
    x.grad = None
    r = 2 ** x + 1.3 ** x
    r.sum().backward()
    print(r.tolist(), x.grad.tolist())
d = torch.linspace(0.05, 4, 2001, dtype=torch.float64)
print((d ** 1.7).sum().item(), (d ** 1.7)[-9:].tolist(), (torch.linspace(0.05, 4, 2001) ** 2.5).sum().item())
m = torch.linspace(0.1, 3, 12).reshape(3, 4)
print((m ** torch.linspace(-1, 2, 4)).tolist(), (m ** m).tolist())
