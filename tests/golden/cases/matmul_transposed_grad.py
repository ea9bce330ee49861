# Gradients of matrix products whose operand is a transposed view (x.t(), w.t(), permute):
# PyTorch computes them the other way round, (B·Gᵀ)ᵀ and (Gᵀ·A)ᵀ, which its OpenBLAS tiles and
# rounds differently from G·Bᵀ and Aᵀ·G (Note [Matmul rounding]). Sizes stay within gradlab's
# own kernel (at most 4096 multiply-adds), whose digits do not depend on the machine's BLAS.
import torch
x = (torch.arange(512.).reshape(8, 64) * 0.37).sin().requires_grad_()
w = (torch.linspace(-1.3, 1.7, 512).reshape(8, 64) * 3.1).cos().requires_grad_()
y = x @ w.t()
(y * (torch.arange(64.).reshape(8, 8) / 9).sin()).sum().backward()
print(x.grad.tolist())
print(w.grad.tolist())
u = (torch.arange(400.).reshape(40, 10) / 7).cos().requires_grad_()
v = (torch.arange(400.).reshape(40, 10) / 5).sin().requires_grad_()
z = u.t() @ v
(z * torch.linspace(-2., 2., 100).reshape(10, 10)).sum().backward()
print(u.grad.tolist())
print(v.grad.tolist())
p = (torch.arange(96.).reshape(12, 8) / 3).sin().requires_grad_()
q = (torch.arange(96.).reshape(12, 8) / 4).cos().requires_grad_()
r = p.permute(1, 0) @ q
(r * r).sum().backward()
print(p.grad.tolist())
print(q.grad)
