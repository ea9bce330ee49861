import torch
def viewable(t):  # whether t.view(-1) works: PyTorch's contiguity, as scripts can see it
    try:
        t.view(-1)
        return True
    except RuntimeError:
        return False
torch.manual_seed(6)
a = torch.randn(3, 4, requires_grad=True)
b = torch.randn(4, 5, requires_grad=True)
c = torch.einsum('ij,jk->ik', a, b)
print(c)
print(torch.mm(a, b))
c.sum().backward()
print(a.grad, b.grad)
q = torch.randn(2, 3, 4, requires_grad=True)
k = torch.randn(2, 5, 4, requires_grad=True)
att = torch.einsum('bqd,bkd->bqk', q, k)
print(att, att.grad_fn.name())
att.softmax(-1).pow(2).sum().backward()
print(q.grad)
print(k.grad)
v = torch.randn(5)
print(torch.einsum('i,i->', v, v), torch.einsum('i,j->ij', v[:2], v))
print(torch.einsum('ij->ji', a), torch.einsum('ii->', a[:, :3]), torch.einsum('ii->i', a[:, :3]))
print(torch.einsum('ij->j', a), torch.einsum('ij->', a), torch.einsum('ij', a).shape, torch.einsum('ji', a).shape)
print(torch.einsum('...ij,...jk->...ik', q, k.transpose(1, 2)))
print(torch.einsum('bij,bjk->bik', [q, k.transpose(1, 2)]).grad_fn.name())
x = torch.randn(2, 3, dtype=torch.float64, requires_grad=True)
y = torch.randn(3, 4, dtype=torch.float64, requires_grad=True)
z = torch.randn(4, 2, dtype=torch.float64, requires_grad=True)
r = torch.einsum('ij,jk,kl->il', x, y, z)
print(r)
r.exp().sum().backward()
print(x.grad, y.grad, z.grad)
print(viewable(torch.einsum('nchw,oc->nohw', torch.randn(2, 3, 2, 2), torch.randn(4, 3))))
print(torch.einsum('ij,kj->ik', a, b.t()).view(-1).shape)
print(torch.einsum('i j , j k -> i k', a, b).shape)
for f in [lambda: torch.einsum('ij,jk->ik', a), lambda: torch.einsum('ij->ik', a), lambda: torch.einsum('ijk->ik', a),
          lambda: torch.einsum('ij,j->i', a, torch.ones(3)), lambda: torch.einsum('i1->i', a), lambda: torch.einsum('ij->ii', a),
          lambda: torch.einsum('ij', a, a), lambda: torch.einsum('i.j->i', a), lambda: torch.einsum('ii->i', a),
          lambda: torch.einsum('...ij,...ij->...', torch.ones(2, 3, 4), torch.ones(5, 3, 4))]:
    try:
        print(f())
    except Exception as e:
        print(type(e).__name__, e)
