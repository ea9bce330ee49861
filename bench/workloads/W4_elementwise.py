# W4 elementwise: (x**3 + x**2).sum().backward() on a million elements. Memory-bound: the bench
# counts 12 MB that must move (forward reads x; backward reads x and writes x.grad).
import torch

# --- setup ---
x = torch.sin(torch.arange(1000000, dtype=torch.float32) * 0.001).requires_grad_()

# --- step ---
x.grad = None
(x**3 + x**2).sum().backward()

# --- check ---
x.grad.sum().item()
