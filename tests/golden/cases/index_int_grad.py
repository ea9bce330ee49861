import torch
torch.manual_seed(0)
def nodes(fn):  # a node's name and its next functions' names (no addresses)
    return fn.name(), [(f.name() if f is not None else None, i) for f, i in fn.next_functions]
x = torch.randn(3, 4, requires_grad=True)
i = torch.tensor([0, 2, 0])
y = x[i]
print(nodes(y.grad_fn))
y.sum().backward()
print(x.grad)
x.grad = None
z = x[i, 1:]
print(z.grad_fn.name(), z.grad_fn.next_functions[0][0].name())
(z * torch.arange(9.).reshape(3, 3)).sum().backward()
print(x.grad)
x.grad = None
w = x[[0, 0, 0, 1], [3, 3, 3, 0]]
(w * torch.tensor([0.1, 0.2, 0.3, 1.0])).sum().backward()
print(w, x.grad.tolist())
# cross entropy by hand
logits = torch.randn(5, 3, requires_grad=True)
target = torch.tensor([0, 2, 1, 2, 0])
probs = logits.softmax(dim=1)
loss = -probs[torch.arange(5), target].log().mean()
print(loss)
loss.backward()
print(logits.grad)
lp = logits.log_softmax(-1)
nll = -lp[range(target.shape[0]), target].mean()
print(nll, nodes(nll.grad_fn), nodes(nll.grad_fn.next_functions[0][0]))
d = torch.randn(2, 3, 4, dtype=torch.float64, requires_grad=True)
e = d[:, [1, 1], [0, 3]]
e.backward(torch.ones(2, 2, dtype=torch.float64))
print(e.grad_fn.name(), d.grad.tolist())
m = torch.randn(4, 3, requires_grad=True)
sel = m[m[:, 0] > 0, 1]
print(sel.grad_fn.name(), sel.shape == (int((m[:, 0] > 0).sum()),))
