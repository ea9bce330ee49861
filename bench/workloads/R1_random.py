# R1 random numbers: a million standard normals and a million uniforms from a seeded generator
# (torch.randn takes PyTorch's vectorised Box-Muller path, torch.rand its serial uniform one).
# The same seed on both sides, so the check compares the very same numbers.
import torch

# --- setup ---
torch.manual_seed(0)

# --- step ---
a = torch.randn(1000000)
b = torch.rand(1000000)

# --- check ---
a.sum().item() + b.sum().item()
