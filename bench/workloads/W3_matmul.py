# W3 matmul: C = A @ B for two 512×512 matrices, then C.sum().backward() — one forward and two
# backward matmuls (dA = G·Bᵀ, dB = Aᵀ·G), 3 × 2·512³ flops in all.
import torch

# --- setup ---
n = 512
A = torch.sin(torch.arange(n * n, dtype=torch.float32) * 0.01).reshape(n, n).requires_grad_()
B = torch.cos(torch.arange(n * n, dtype=torch.float32) * 0.02).reshape(n, n).requires_grad_()

# --- step ---
A.grad = None
B.grad = None
C = A @ B
C.sum().backward()

# --- check ---
A.grad.sum().item() + B.grad.sum().item()
