# torch.special: the aliases tutorials use are the same ops (same nodes and digits) as their
# torch.X forms. (special.round is not one: it is round with decimals=0, RoundBackward1.)
import torch
torch.manual_seed(0)
x = torch.randn(2, 9, requires_grad=True)
for name, f in [('expit', torch.special.expit), ('erf', torch.special.erf), ('erfc', torch.special.erfc),
                ('exp2', torch.special.exp2), ('expm1', torch.special.expm1)]:
    y = f(x)
    print(name, y, y.grad_fn.name())
p = torch.rand(2, 9, requires_grad=True)
y = torch.special.log1p(p)
print(y, y.grad_fn.name())
y = torch.special.xlogy(p, p + 1)
print(y, y.grad_fn.name())
print(torch.special.logsumexp(x, 1), torch.special.logsumexp(x, dim=0, keepdim=True))
print(torch.special.softmax(x, 1), torch.special.log_softmax(x, dim=0))
print(torch.special.softmax(x, 1, dtype=torch.float64))
s = torch.special.expit(x).sum()
s.backward()
print(x.grad)
