import torch
import torch.nn.functional as F
torch.manual_seed(0)

# Second derivatives through indexing, joins, losses and softmax (create_graph=True).
x = torch.randn(3, 4, requires_grad=True)
w = torch.randn(4, dtype=torch.float64, requires_grad=True)

def second(name, y, inp=x):
    (g,) = torch.autograd.grad(y, inp, create_graph=True)
    print(name, g)
    (h,) = torch.autograd.grad((g * g).sum(), inp)
    print(h)

second("select", (x[1] ** 3).sum() + x[0, 2] * x[2, 1])
second("slice", (x[:, 1:3] ** 2).sum() * x[1:, ::2].sum())
second("narrow-step", (x[::2, ::3].exp()).sum())
second("index", (x[[0, 2, 2]] ** 3).sum())
second("index2", (x[[0, 1], [3, 3]] * x[2, :2]).sum())
second("mask", (x[x > 0] ** 3).sum())
second("cat", (torch.cat([x, x * x], 1) ** 2).sum())
second("stack", (torch.stack([x, x.sin()]) ** 3).sum())
second("split", sum((p.sum() * p).sum() for p in x.split(3, 1)))
second("chunk", (x.chunk(2, 0)[1] ** 3).sum())
second("unbind", (x.unbind(1)[2] ** 3).sum())
t = torch.randn(3, 4)
second("mse", F.mse_loss(x * x, t))
second("mse-sum", F.mse_loss(x.tanh(), t, reduction="sum"))
second("mse-none", F.mse_loss(x, t, reduction="none").pow(2).sum())
second("softmax", (F.softmax(x * x, dim=1) * x).sum())
second("softmax0", (F.softmax(x * x, dim=0) * x).sum())
second("log_softmax", (F.log_softmax(x * x, dim=1) * x).sum())
target = torch.tensor([1, 0, 3])
second("cross_entropy", F.cross_entropy(x * x, target))
second("nll", F.nll_loss(F.log_softmax(x.sin(), 1), target, reduction="sum"))
second("nll-weight", F.nll_loss(x ** 3, target, weight=torch.tensor([1.0, 2.0, 0.5, 1.5])))
second("leaky_relu", (F.leaky_relu(x, 0.1) ** 3).sum())
second("float64", (F.softmax(w * w, 0) * w).sum() + F.mse_loss(w[1:] ** 2, w[:3].detach()), w)

# A gradient penalty, as WGAN-GP writes it.
lin = torch.nn.Linear(4, 1)
out = F.leaky_relu(lin(x), 0.2)
(gx,) = torch.autograd.grad(out, x, torch.ones_like(out), create_graph=True)
penalty = ((gx.pow(2).sum(1) - 1) ** 2).mean()
penalty.backward()
print(gx.grad_fn.name(), penalty, lin.weight.grad, lin.bias.grad)

# Printed graphs.
(g,) = torch.autograd.grad(F.cross_entropy(x, target), x, create_graph=True)
print(g.grad_fn.name(), [type(f).__name__ if f else None for f, _ in g.grad_fn.next_functions])
(g,) = torch.autograd.grad((x[:, 1] ** 2).sum(), x, create_graph=True)
print(g.grad_fn.name(), g.grad_fn.next_functions[0][0].name())
(g,) = torch.autograd.grad(x[0].sum(), x, create_graph=True)
print(g.requires_grad, g.grad_fn)

# The nodes of recorded means, scalar divisions and t().
for name, y in [("mean", (x * x).mean()), ("mean_dim", (x * x).mean(1).pow(2).sum()), ("div", ((x * x) / 3).sum()),
                ("t", (x @ x.t()).sum()), ("transpose", (x.transpose(0, 1) ** 2).sum())]:
    (g,) = torch.autograd.grad(y, x, create_graph=True)
    print(name, g.grad_fn.name(), [f.name() if f else None for f, _ in g.grad_fn.next_functions])
    print(torch.autograd.grad(g.sum(), x)[0])
