# Float sums round exactly as PyTorch 1.13's CPU cascade (Note [Float sum order]):
# full sums of many sizes, sums over dims, means, and broadcast gradients.
import torch

for n in [5, 15, 16, 64, 127, 1000, 4096, 65537]:
    b = torch.exp(torch.arange(n, dtype=torch.float32) * (1.0 / n) + 0.5)
    print(n, b.sum().item(), b.mean().item(), b.double().sum().item())

x = torch.exp(torch.arange(3 * 37 * 50, dtype=torch.float32).reshape(3, 37, 50) * 0.001)
print(x.sum(0).sum().item(), x.sum(1)[2, 7].item(), x.sum((0, 2))[:5].tolist())
print(x.mean(2)[1][:4].tolist(), x.sum(-1, keepdim=True)[2, :3, 0].tolist())
print(x.sum((0, 1))[:4].tolist(), x.sum(1).sum(0)[:3].tolist())
w = torch.exp(torch.arange(130 * 70, dtype=torch.float32).reshape(130, 70) * 0.0003)
print(w.sum(0)[::9].tolist())
print(w.sum(1)[::17].tolist())

a = torch.exp(torch.arange(7 * 45, dtype=torch.float32).reshape(7, 1, 45) * 0.01).requires_grad_()
b = torch.exp(torch.arange(33 * 45, dtype=torch.float32).reshape(33, 45) * 0.003 - 1.0).requires_grad_()
c = torch.exp(torch.arange(45, dtype=torch.float32) * 0.02).requires_grad_()
y = (a * b + c) * b
y.sum().backward()
print(a.grad.sum().item(), b.grad[3][:6].tolist(), c.grad[:6].tolist())
print(a.grad[4, 0][:6].tolist())
