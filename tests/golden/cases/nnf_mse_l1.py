# mse_loss is one node (MseLossBackward0); l1_loss is a composite in 1.13 (sub, abs, mean/sum).
import torch
import torch.nn.functional as F
torch.manual_seed(0)
x = torch.randn(7, 13, requires_grad=True)
t = torch.randn(7, 13)
for r in ['mean', 'sum', 'none']:
    y = F.mse_loss(x, t, reduction=r)
    print(r, y.grad_fn.name(), y.tolist() if r != 'none' else y[0].tolist())
    (y * 1.5 if r != 'none' else y * torch.linspace(-1, 1, 91).reshape(7, 13)).sum().backward()
    print(x.grad[0].tolist())
    x.grad = None
    z = F.l1_loss(x, t, reduction=r)
    print(r, z.grad_fn.name(), z.tolist() if r != 'none' else z[1].tolist())
    z.sum().backward()
    print(x.grad[1].tolist())
    x.grad = None
y = F.mse_loss(x, t)
print(y, [None if f is None else f.name().replace('torch::autograd::', '') for f, _ in y.grad_fn.next_functions])
tt = torch.randn(7, 13, requires_grad=True)
F.mse_loss(x, tt).backward()
print(tt.grad[0].tolist())
xd = torch.randn(1000, dtype=torch.float64, requires_grad=True)
print(F.mse_loss(xd, torch.zeros(1000, dtype=torch.float64)), F.l1_loss(xd, torch.ones(1000, dtype=torch.float64)))
print(F.mse_loss(torch.randn(4, 3), torch.randn(4, 1)))
print(F.l1_loss(torch.randn(4, 3), torch.randn(3)))
