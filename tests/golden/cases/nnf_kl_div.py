# kl_div is a composite in 1.13: xlogy(t, t) - t * input (or exp(t) * (t - input)), reduced.
import torch
import torch.nn.functional as F
torch.manual_seed(0)
x = torch.log_softmax(torch.randn(4, 9), 1).requires_grad_()
t = torch.softmax(torch.randn(4, 9), 1)
t[0, 0] = 0.0
for r in ['mean', 'sum', 'none', 'batchmean']:
    y = F.kl_div(x, t, reduction=r)
    print(r, y.grad_fn.name(), y.tolist() if r != 'none' else y[0].tolist())
    y.sum().backward()
    print(x.grad[0].tolist())
    x.grad = None
    y = F.kl_div(x, t.log(), reduction=r, log_target=True)
    print(y.grad_fn.name(), y.tolist() if r != 'none' else y[1].tolist())
    y.sum().backward()
    print(x.grad[1].tolist())
    x.grad = None
y = F.kl_div(x, t, reduction='batchmean')
print(y, [None if f is None else f.name().replace('torch::autograd::', '') for f, _ in y.grad_fn.next_functions])
