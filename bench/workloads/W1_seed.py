# W1 seed: the seed notebook's two gradients, the whole sequence timed (µs per sequence).
# Tiny tensors, so this measures per-op overhead: tensor creation, graph building, backward.
import torch

# --- setup ---

# --- step ---
x = torch.tensor(4.0, requires_grad=True)
y = x**2
y.backward()

lst = [[2., 3., 1.], [4., 5., 3.], [7., 6., 4.]]
torch_input = torch.tensor(lst, requires_grad=True)
y = torch_input**3 + torch_input**2
z = y.sum()
z.backward()

# --- check ---
x.grad.item() + torch_input.grad.sum().item()
