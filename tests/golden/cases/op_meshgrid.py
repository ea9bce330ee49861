import torch
def viewable(t):  # whether t.view(-1) works: PyTorch's contiguity, as scripts can see it
    try:
        t.view(-1)
        return True
    except RuntimeError:
        return False
torch.manual_seed(4)
a = torch.randn(3, requires_grad=True)
b = torch.randn(2, requires_grad=True)
gx, gy = torch.meshgrid(a, b, indexing='ij')
print(gx, gy)
(gx * gy).sum().backward()
print(a.grad, b.grad)
gx, gy = torch.meshgrid(a, b, indexing='xy')
print(gx.shape, gy.shape, viewable(gx))
print(gx)
g = torch.meshgrid([torch.arange(2), torch.arange(3), torch.arange(4)], indexing='xy')
print(type(g).__name__, len(g), [t.shape for t in g])
print(torch.meshgrid((torch.arange(2), torch.tensor(7)), indexing='ij'))
print(torch.meshgrid(torch.arange(3), indexing='xy'))
xs, ys = torch.meshgrid(torch.linspace(-1, 1, 3), torch.linspace(0, 1, 2))
print(xs + ys)
col = torch.arange(6.).reshape(3, 2)[:, 1]
print(torch.meshgrid(col, col, indexing='ij')[1])
for f in [lambda: torch.meshgrid(), lambda: torch.meshgrid(torch.ones(2), torch.ones(2).double(), indexing='ij'),
          lambda: torch.meshgrid(torch.ones(2), indexing='ab'), lambda: torch.meshgrid(torch.ones(2), 3, indexing='ij')]:
    try:
        f()
    except Exception as e:
        print(type(e).__name__, e)
