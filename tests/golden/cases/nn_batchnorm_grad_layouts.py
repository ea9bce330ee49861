# batch_norm's backward takes another path in PyTorch when the incoming gradient is not
# contiguous (sum()'s expanded gradient, through views and transposes): the input gradients
# of an (N, C, L), an (N, C) and an (N, C, H, W) batch norm for gradients of many layouts.
import torch
import torch.nn.functional as F

torch.manual_seed(3)
patterns = [
    lambda y: y.sum(), lambda y: (y + 1).sum(), lambda y: (y * 2).sum(), lambda y: y.mean(),
    lambda y: y.sum(0).sum(), lambda y: y[:, 0].sum(), lambda y: y.view(-1).sum(),
    lambda y: y.reshape(y.shape[0], -1).sum(), lambda y: y.relu().sum(), lambda y: y.exp().sum(),
    lambda y: (y - 1).sum(), lambda y: y.clone().sum(), lambda y: y.sum() * 3, lambda y: y.sum(dim=(0, -1)).sum(),
    lambda y: y.transpose(1, -1).sum(), lambda y: y.unsqueeze(0).sum(), lambda y: y.squeeze().sum(),
    lambda y: (y + y).sum(), lambda y: y.expand(2, *y.shape).sum(),
]
for shape in [(4, 3, 5), (5, 3), (2, 3, 2, 3)]:
    for k, pattern in enumerate(patterns):
        x = (torch.randn(*shape) * 3).requires_grad_()
        w = torch.randn(3, requires_grad=True)
        y = F.batch_norm(x, None, None, w, None, True)
        pattern(y).backward()
        print(shape, k, x.grad.view(-1)[::3].tolist(), w.grad.tolist())
