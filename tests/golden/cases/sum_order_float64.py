# Double sums round exactly as PyTorch 1.13's CPU cascade too (Note [Float sum order]).
import torch

for n in [3, 9, 33, 1023, 5000]:
    v = torch.exp(torch.arange(n, dtype=torch.float64) * (1.0 / n) - 0.25) * 0.1
    print(n, v.sum().item(), v.mean().item())

x = torch.exp(torch.arange(2 * 3 * 200, dtype=torch.float64).reshape(2, 3, 200) * 0.01) * 0.1
print(x.sum().item(), x.sum(-1).tolist())
print(x.mean((0, 1))[:5].tolist(), x.sum(0)[1, ::40].tolist())
m = torch.exp(torch.arange(41 * 23, dtype=torch.float64).reshape(41, 23) * 0.002).requires_grad_()
r = torch.exp(torch.arange(23, dtype=torch.float64) * 0.1).requires_grad_()
((m - r) * m).sum().backward()
print(r.grad[:5].tolist(), m.sum(0)[:4].tolist(), m.sum(1)[:4].tolist())
