# torch.Generator objects: their own seeds and streams, generator= on the samplers, and the
# default generator that torch.manual_seed seeds and returns.
import torch

g = torch.Generator()
print(g.initial_seed())
print(torch.rand(3, generator=g))
g2 = torch.Generator().manual_seed(3)
print(g2.initial_seed(), torch.rand(3, generator=g2), torch.randn(2, generator=g2))
torch.manual_seed(0)
a = torch.randn(3)
g3 = torch.Generator()
g3.manual_seed(0)
b = torch.randn(3, generator=g3)
print(a, b)
print(torch.randint(0, 5, (4,), generator=g3), torch.randperm(5, generator=g3))
print(torch.normal(0.0, 1.0, (3,), generator=g3), torch.empty(3).uniform_(generator=g3))
print(torch.bernoulli(torch.full((4,), 0.5), generator=g3), torch.multinomial(torch.ones(5), 3, generator=g3))
print(torch.empty(2).normal_(generator=g3), torch.empty(2).random_(10, generator=g3))
print(torch.default_generator.initial_seed())
print(torch.manual_seed(9) is torch.default_generator)
print(g.manual_seed(-1) is g, g.manual_seed(9223372036854775807).initial_seed())
print(torch.rand(2, generator=g))
print(torch.manual_seed(1.9).initial_seed(), torch.rand(1))
print(g.device)
print(torch.rand(2))  # the default generator, untouched by g's draws
