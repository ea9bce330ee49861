# add/sub with alpha round once (ATen's fmadd), in vector loops and their scalar tails
import torch
torch.manual_seed(0)
a = torch.randn(37)
b = torch.randn(37)
print(a.add(b, alpha=0.1))
print(torch.sub(a, b, alpha=0.3))
c = a.clone()
c.add_(b, alpha=-0.01)
print(c)
d = a.double()
print(d.add(b.double(), alpha=0.37))
