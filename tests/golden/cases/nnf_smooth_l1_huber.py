# smooth_l1_loss and huber_loss: the backward kernels compute whole AVX2 vector pairs one way and
# the rest of the run another (a double beta / delta), so sizes 37 and 100 leave a tail.
import torch
import torch.nn.functional as F
torch.manual_seed(0)
for n in [37, 100]:
    x = (torch.randn(n) * 1.5).requires_grad_()
    t = torch.randn(n)
    for r in ['mean', 'sum', 'none']:
        for beta in [1.0, 0.7]:
            y = F.smooth_l1_loss(x, t, reduction=r, beta=beta)
            print(n, r, beta, y.grad_fn.name(), y.tolist() if r != 'none' else y.tolist()[-6:])
            (y if r != 'none' else y * torch.linspace(-1, 2, n)).sum().backward()
            print(x.grad.tolist())
            x.grad = None
            z = F.huber_loss(x, t, reduction=r, delta=beta)
            print(z.grad_fn.name(), z.tolist() if r != 'none' else z.tolist()[-6:])
            (z if r != 'none' else z * torch.linspace(-1, 2, n)).sum().backward()
            print(x.grad.tolist())
            x.grad = None
xd = torch.randn(4, 5, dtype=torch.float64, requires_grad=True)
td = torch.randn(4, 5, dtype=torch.float64, requires_grad=True)
y = F.smooth_l1_loss(xd, td, beta=0.5)
y.backward()
print(y, xd.grad, td.grad)
print(F.huber_loss(xd, td, delta=2.0), F.smooth_l1_loss(xd, td, beta=0.0))
print(F.smooth_l1_loss(torch.randn(3, 4), torch.randn(4)))
