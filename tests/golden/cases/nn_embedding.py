# nn.Embedding and F.embedding: seeded weights, lookups, padding_idx, gradients, reprs, errors.
import torch
import torch.nn as nn
import torch.nn.functional as F

torch.manual_seed(0)
emb = nn.Embedding(10, 3)
print(emb)
print(emb.weight)
idx = torch.tensor([[1, 2, 4, 5], [4, 3, 2, 9]])
out = emb(idx)
print(out.shape, out.grad_fn.name(), out.grad_fn.next_functions[0][0].name())
print(out)
out.sum().backward()
print(emb.weight.grad)

pad = nn.Embedding(6, 4, padding_idx=2)
print(pad)
print(pad.weight[2].tolist())
y = pad(torch.tensor([0, 2, 2, 5, 0]))
(y * torch.arange(20.).view(5, 4)).sum().backward()
print(pad.weight.grad.tolist())

neg = nn.Embedding(5, 2, padding_idx=-1)
print(neg.padding_idx, neg)

w = torch.randn(4, 3, requires_grad=True)
i = torch.tensor([3, 0, 3, 3])
z = F.embedding(i, w)
print(z.tolist())
z.pow(2).sum().backward()
print(w.grad.tolist())
w.grad = None
F.embedding(i, w, scale_grad_by_freq=True).mul(torch.arange(12.).view(4, 3)).sum().backward()
print(w.grad.tolist())
print(torch.embedding(w, torch.tensor([1, 2])).tolist())

pre = nn.Embedding.from_pretrained(torch.tensor([[1., 2.], [3., 4.], [5., 6.]]))
print(pre, pre.weight.requires_grad)
print(pre(torch.tensor([2, 0])))
pre2 = nn.Embedding.from_pretrained(torch.tensor([[1., 2.], [3., 4.]]), freeze=False, padding_idx=0)
print(pre2, pre2.weight.requires_grad)
print(list(emb.state_dict().keys()))

for bad in [lambda: emb(torch.tensor([10])), lambda: emb(torch.tensor([-1])), lambda: emb(torch.tensor([1.0]))]:
    try:
        bad()
    except Exception as e:
        print(type(e).__name__, e)
try:
    nn.Embedding(3, 2, padding_idx=3)
except AssertionError as e:
    print('AssertionError', e)
