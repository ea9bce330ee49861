# W2 mlp: one training step of a 64 → 128 (tanh) → 10 MLP, batch 64, MSE loss, plain SGD
# (lr 0.01), written by hand the way a backprop lesson does (no nn.Module, no optimizer).
import torch

# --- setup ---
# Fixed, deterministic data: scaled sines and cosines of arange, no random numbers.
x = torch.sin(torch.arange(64 * 64, dtype=torch.float32) * 0.1).reshape(64, 64)
target = torch.cos(torch.arange(64 * 10, dtype=torch.float32) * 0.2).reshape(64, 10)
W1 = (0.1 * torch.sin(torch.arange(64 * 128, dtype=torch.float32) * 0.37)).reshape(64, 128).requires_grad_()
b1 = torch.zeros(128, requires_grad=True)
W2 = (0.1 * torch.cos(torch.arange(128 * 10, dtype=torch.float32) * 0.53)).reshape(128, 10).requires_grad_()
b2 = torch.zeros(10, requires_grad=True)
params = [W1, b1, W2, b2]
lr = 0.01

# --- step ---
h = torch.tanh(x @ W1 + b1)
out = h @ W2 + b2
loss = ((out - target) ** 2).mean()
loss.backward()
with torch.no_grad():
    for p in params:
        p -= lr * p.grad
        p.grad = None

# --- check ---
loss.item()
