import torch
def viewable(t):
    try:
        t.view(-1)
        return True
    except RuntimeError:
        return False
torch.manual_seed(0)
def names(fn, depth=0, out=None):
    if out is None: out = []
    if fn is None or depth > 12: return out
    out.append(type(fn).__name__ if not hasattr(fn, 'name') else fn.name())
    for nf, _ in fn.next_functions:
        names(nf, depth + 1, out)
    return out
cases = [
    ('ij,jk->ik', [(3, 4), (4, 5)]),
    ('ij,jk', [(3, 4), (4, 5)]),
    ('bij,bjk->bik', [(2, 3, 4), (2, 4, 5)]),
    ('i,i->', [(5,), (5,)]),
    ('i,j->ij', [(3,), (4,)]),
    ('ij->ji', [(3, 4)]),
    ('ii->', [(4, 4)]),
    ('ii->i', [(4, 4)]),
    ('ij->j', [(3, 4)]),
    ('ij->', [(3, 4)]),
    ('ij,ij->ij', [(3, 4), (3, 4)]),
    ('ij,ij->', [(3, 4), (3, 4)]),
    ('ij,j->i', [(3, 4), (4,)]),
    ('bhqd,bhkd->bhqk', [(2, 3, 4, 5), (2, 3, 6, 5)]),
    ('bhqk,bhkd->bhqd', [(2, 3, 4, 6), (2, 3, 6, 5)]),
    ('...ij,...jk->...ik', [(2, 3, 4), (2, 4, 5)]),
    ('...ij->...ji', [(2, 3, 4)]),
    ('i,i,i->', [(4,), (4,), (4,)]),
    ('ij,jk,kl->il', [(2, 3), (3, 4), (4, 5)]),
    ('bn,anm,bm->ba', [(2, 3), (4, 3, 5), (2, 5)]),
    ('ik,kj->ij', [(12, 16), (16, 20)]),
    ('bij,bkj->bik', [(3, 8, 30), (3, 10, 30)]),
    ('iij->j', [(3, 3, 4)]),
    ('ijk,ikl->ijl', [(2, 1, 4), (2, 4, 3)]),
    ('ij,kj->ik', [(3, 4), (5, 4)]),
    ('ji,jk->ik', [(4, 3), (4, 5)]),
    ('i,j,k->ijk', [(2,), (3,), (4,)]),
    ('bi,bi->b', [(3, 4), (3, 4)]),
    ('ab,cd->abcd', [(2, 3), (2, 2)]),
    ('nchw,oc->nohw', [(2, 3, 4, 4), (5, 3)]),
]
for eq, shapes in cases:
    for dt in [torch.float32, torch.float64]:
        ops = [torch.randn(*s, dtype=dt, requires_grad=True) for s in shapes]
        r = torch.einsum(eq, *ops)
        print(eq, dt, r.shape, viewable(r), names(r.grad_fn))
        print(r.detach().reshape(-1).tolist())
        (r * torch.arange(r.numel(), dtype=dt).reshape(r.shape).sin()).sum().backward()
        for o in ops:
            print(o.grad.reshape(-1).tolist())
x = torch.randn(4, 3)
print(torch.einsum('ij,jk->ik', [x.t(), x]).tolist())
print(torch.einsum('ij->j', x.t()).tolist())
print(torch.einsum('ij,jk->ik', x.t(), x).view(-1).shape)
for f in [lambda: torch.einsum('ij,jk->ik', x), lambda: torch.einsum('ij->ik', x), lambda: torch.einsum('ijk->ik', x),
          lambda: torch.einsum('ij,j->i', x, torch.ones(4)), lambda: torch.einsum('i1->i', x), lambda: torch.einsum('ij->ii', x),
          lambda: torch.einsum('ij', x, x), lambda: torch.einsum('i.j->i', x), lambda: torch.einsum('ii->i', torch.ones(2, 3)),
          lambda: torch.einsum('ij->ij', x, 3), lambda: torch.einsum('...ij,...ij->...', torch.ones(2, 3, 4), torch.ones(5, 3, 4))]:
    try:
        print(f())
    except Exception as e:
        print(type(e).__name__, e)
