import torch
v = torch.zeros(4)
v[1:3].add_(1)
print(v)
w = v[1:3]
w.copy_(torch.ones(2) * 5)
print(v)
v[0:2].fill_(7)
print(v, w)
v.mul_(2)
print(w)
m = torch.arange(6.).reshape(2, 3)
mt = m.t()
mt[0, 1] = 100
print(m)
m[1].zero_()
print(mt, m.T)
row = m[0]
col = row[1:]
col.add_(1)
print(m, row)
c = m.t().contiguous()
c.add_(1000)
print(m)
e = torch.ones(1, 3).expand(2, 3)
try:
    e.add_(1)
except RuntimeError as ex:
    print(ex)
x = torch.ones(3, requires_grad=True)
y = x * 2
print(y)
y.sum().backward()
print(x.grad)
with torch.no_grad():
    z = torch.zeros(2, 3)
    z[:, 1].fill_(5)
    z.t()[2].add_(3)
print(z)
a = torch.zeros(3)
b = a[1:]
b += 2
print(a, b)
p = torch.zeros(2, 2)
q = p[0]
p[0, 0] = 9
print(q, q.sum())
s = torch.zeros(3, 3)
s.diagonal() if False else None
for i in range(3):
    s[i][i] = i + 1
print(s)
t = torch.zeros(2, 3)
t[0].normal_()
print((t[1] == 0).all(), (t[0] != 0).all())
# a saved view sees its base's in-place write
x = torch.ones(3, requires_grad=True)
base = torch.zeros(3)
v = base[1:]
y = (x[1:] * v).sum()
base.add_(1)
try:
    y.backward()
except RuntimeError as e:
    print(e)
# out= into a slice writes the base
o = torch.zeros(4)
torch.add(torch.ones(2), 1, out=o[1:3])
print(o)
