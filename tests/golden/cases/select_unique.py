import torch
torch.manual_seed(0)
x = torch.tensor([3., 1., 2., 3., 1., 5.])
print(torch.unique(x), x.unique(return_inverse=True), x.unique(return_counts=True), torch.unique(x, True, True, True))
print(torch.unique(x, sorted=True, return_inverse=True, return_counts=True, dim=None))
i = torch.randint(-5, 5, (4, 9))
u, inv, cnt = i.unique(return_inverse=True, return_counts=True)
print(u, inv, cnt, u.dtype, inv.dtype, cnt.dtype)
print(torch.equal(u[inv], i), cnt.sum())
print(torch.unique(torch.tensor([-0., 1., 0.]), return_counts=True), torch.unique(torch.tensor([0., 1., -0.])))
print(torch.tensor([True, False, True]).unique(return_counts=True), torch.unique(torch.tensor(3.), return_inverse=True))
print(torch.unique(torch.tensor([]), return_inverse=True, return_counts=True), torch.tensor([7, 7]).unique(sorted=False))
print(torch.tensor([2.5, 1.5, 2.5], dtype=torch.bfloat16).unique(), torch.tensor([9, 2, 9], dtype=torch.int8).unique(return_counts=True))
c = torch.tensor([2, 2, 1, 1, 2, 3, 3, 3, 1])
print(c.unique_consecutive(), torch.unique_consecutive(c, return_inverse=True, return_counts=True))
print(torch.unique_consecutive(torch.tensor([[1., 1.], [float('nan'), float('nan')]]), return_counts=True, return_inverse=True))
print(torch.unique_consecutive(torch.tensor([-0., 0., 1.])), torch.unique_consecutive(torch.tensor(4), return_inverse=True))
labels = torch.randint(0, 3, (20,))
classes, counts = torch.unique(labels, return_counts=True)
for k, n in zip(classes.tolist(), counts.tolist()):
    print(f"class {k}: {n}")
# along a dim: distinct rows (slices), sorted lexicographically
rows = torch.tensor([[1, 2], [0, 5], [1, 2], [0, 1]])
print(torch.unique(rows, dim=0, return_inverse=True, return_counts=True), rows.unique(dim=1))
print(torch.unique(rows, sorted=False, dim=0), torch.unique_consecutive(torch.tensor([[1, 1], [1, 1], [2, 0]]), dim=0, return_counts=True))
cube = torch.randint(0, 2, (2, 3, 5)).float()
print(cube.unique(dim=2, return_inverse=True), cube.unique(dim=-2, return_counts=True), torch.unique(cube, dim=0).shape)
print(torch.unique(torch.tensor([[0., 1.], [-0., 1.], [float('nan'), 2.], [float('nan'), 2.]]), dim=0))
for f in (lambda: torch.tensor([1.], dtype=torch.float16).unique(), lambda: torch.unique(torch.tensor(3.), dim=0),
          lambda: torch.unique(rows, dim=2), lambda: torch.unique(torch.tensor([1.], dtype=torch.float16), dim=0)):
    try:
        print(f())
    except Exception as e:
        print(type(e).__name__, e)
