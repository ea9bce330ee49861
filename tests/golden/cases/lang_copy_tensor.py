# copy.deepcopy of tensors and of nn.Modules written in Python: independent leaves and Parameters.
import copy
import torch
import torch.nn as nn

x = torch.tensor([1.0, 2.0, 3.0], requires_grad=True)
(x * 2).sum().backward()
y = copy.deepcopy(x)
print(y, y.requires_grad, y.is_leaf, y.grad)
y.data.add_(1)
print(x, y)
z = copy.deepcopy(torch.arange(4))
print(z, z.requires_grad)
nested = {"w": torch.ones(2), "list": [torch.zeros(1)]}
nc = copy.deepcopy(nested)
nc["w"].add_(5)
print(nested, nc)
same = torch.ones(2)
pair = copy.deepcopy([same, same])
print(pair[0] is pair[1])

torch.manual_seed(0)
model = nn.Sequential(nn.Linear(3, 2), nn.ReLU(), nn.Linear(2, 1))
clone = copy.deepcopy(model)
print(clone)
for (n1, p1), (n2, p2) in zip(model.named_parameters(), clone.named_parameters()):
    print(n1, n2, type(p2).__name__, p2.requires_grad, p1 is p2, torch.equal(p1, p2))
with torch.no_grad():
    clone[0].weight.fill_(0.5)
print(model[0].weight)
print(clone[0].weight)
out = clone(torch.ones(1, 3))
print(out)
p = nn.Parameter(torch.ones(2), requires_grad=False)
pc = copy.deepcopy(p)
print(pc, type(pc).__name__, pc.requires_grad)
h = torch.ones(2, requires_grad=True) * 3
try:
    copy.deepcopy(h)
except RuntimeError as e:
    print("RuntimeError:", e)
