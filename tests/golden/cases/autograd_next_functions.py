# grad_fn.next_functions, name(), AccumulateGrad.variable, metadata
import torch

x = torch.tensor([1., 2.], requires_grad=True)
c = torch.tensor([3., 4.])
y = x * 2
nf = y.grad_fn.next_functions
print(len(nf), type(nf), type(nf[0]))
print(nf[0][0].name(), nf[0][1], nf[1])
print(nf[0][0].variable is x)
print(nf[0][0].variable)
z = (x + 1) * c
print([(f.name() if f is not None else None, i) for f, i in z.grad_fn.next_functions])
print(z.grad_fn.next_functions[0][0].next_functions[0][0].variable is x)
s = (x * x).sum()
print(s.grad_fn.name(), s.grad_fn.next_functions[0][0].name())
m = x.exp().mean()
print(m.grad_fn.next_functions[0][0].next_functions[0][0].name())
print(y.grad_fn.metadata)
print(x.grad_fn)
print(torch.is_grad_enabled())
