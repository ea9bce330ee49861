# set_rng_state wants PyTorch's uint8 state tensor.
import torch
s = torch.get_rng_state()
torch.set_rng_state(s.float())
