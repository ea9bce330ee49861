# torch.get_rng_state / set_rng_state and Generator.get_state / set_state: PyTorch's uint8 state.
import torch

torch.manual_seed(0)
s = torch.get_rng_state()
print(s.shape, s.dtype, s[:16], s[-8:], int(s.sum()))
a = torch.rand(3)
b = torch.randn(20)
torch.set_rng_state(s)
print(torch.equal(a, torch.rand(3)), torch.equal(b, torch.randn(20)))
s2 = torch.get_rng_state()
print(s2[:24], s2[2500:2510], int(s2.sum()))
g = torch.Generator().manual_seed(42)
st = g.get_state()
x = torch.randn(5, generator=g)
print(g.set_state(st) is g, torch.equal(x, torch.randn(5, generator=g)), st.dtype, st.shape)
torch.randn(1)  # leaves a spare normal in the state
print(torch.get_rng_state()[5040:5056])
