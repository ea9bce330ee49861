# W5 scalar chain: 10,000 steps of a = a*b + c on 0-d tensors (20,000 ops), then one backward
# through the 20,000-node graph. Pure per-op overhead, interpreter loop included.
import torch

# --- setup ---
b = torch.tensor(0.5, requires_grad=True)
c = torch.tensor(1.0, requires_grad=True)

# --- step ---
b.grad = None
c.grad = None
a = torch.tensor(1.0, requires_grad=True)
for i in range(10000):
    a = a * b + c
a.backward()

# --- check ---
b.grad.item() + c.grad.item()
