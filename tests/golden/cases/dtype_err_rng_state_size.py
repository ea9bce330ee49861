# A uint8 state of the wrong size.
import torch
torch.set_rng_state(torch.zeros(10, dtype=torch.uint8))
