import torch
x = torch.tensor([1.0, 2.0], requires_grad=True)
y = torch.tensor([3.0, 4.0], requires_grad=True)
m = torch.tensor([[1.0, 2.0], [3.0, 4.0]], requires_grad=True)
results = [x + y, x - y, 1 - x, x * y, x / y, 2 / x, -x, x ** 2, x ** y, 2 ** x,
           x.exp(), x.log(), x.sqrt(), x.abs(), x.sin(), x.cos(), x.sigmoid(), x.tanh(),
           x.relu(), x.clamp(min=1.5), x.sum(), x.mean(), m.sum(dim=0), m.mean(dim=1),
           x.max(), m @ m, m @ x, x @ y, m.t(), m.transpose(0, 1), m.reshape(4), m.view(4),
           m.flatten(), x.unsqueeze(0), m[0:1].squeeze(0), x[0], x[0:1], m[:, 0], x + 1, x * 2]
for r in results:
    print(r.grad_fn.name())
