# Small float32 products whose sums OpenBLAS's Haswell kernel splits into even and odd k
# (Note [Matmul rounding]): 8×64 @ 64×8, 5×60 @ 60×12, and their gradients.
import torch
a = (torch.linspace(-1.3, 1.7, 512).reshape(8, 64) * 3.1).sin()
b = (torch.arange(512.).reshape(64, 8) * 0.37).cos() / 3
print((a @ b).tolist())
w = torch.linspace(-2.2, 0.9, 720).reshape(60, 12).requires_grad_()
x = (torch.arange(300.).reshape(5, 60) / 7).sin().requires_grad_()
y = x @ w
print(y.tolist())
(y * torch.linspace(-1., 1., 60).reshape(5, 12)).sum().backward()
print(w.grad[:8].tolist())
print(x.grad.tolist())
