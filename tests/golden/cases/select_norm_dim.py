import torch
torch.manual_seed(0)
def nodes(fn):  # a node's name and its next functions' names (no addresses)
    return fn.name(), [(f.name() if f is not None else None, i) for f, i in fn.next_functions]
# the digits follow ATen's reduction order: along the last dim 8 float32 lanes, elsewhere in order
for shape in ((3, 37), (37, 3), (2, 19, 5), (4, 1), (1, 4), (6, 9, 1)):
    x = torch.randn(*shape)
    for d in range(len(shape)):
        print(shape, d, x.norm(dim=d).tolist(), x.double().norm(dim=d).tolist())
        print(torch.linalg.vector_norm(x, dim=d, keepdim=True).shape, x.norm(1, d).tolist(), x.norm(float('inf'), d).tolist())
x = torch.randn(5, 8, requires_grad=True)
n = x.norm(dim=1)
print(n, nodes(n.grad_fn))
n.sum().backward()
print(x.grad)
x.grad = None
v = torch.linalg.vector_norm(x, dim=0, keepdim=True)
print(v, nodes(v.grad_fn))
(v * torch.arange(8.)).sum().backward()
print(x.grad)
x.grad = None
o = torch.norm(x, p=1, dim=1)
o.sum().backward()
print(o, x.grad)
x.grad = None
w = torch.tensor([[1., -3., 3.], [0., 0., 0.]], requires_grad=True)
i = torch.linalg.vector_norm(w, float('inf'), 1)
i.sum().backward()
print(i, w.grad, nodes(i.grad_fn))
w.grad = None
z = w.norm(dim=1)
z.sum().backward()
print(z, w.grad)
m = torch.randn(4, 6, dtype=torch.float64, requires_grad=True)
print(torch.linalg.norm(m), torch.linalg.matrix_norm(m), torch.linalg.norm(m, 'fro', keepdim=True), torch.linalg.norm(m, dim=1))
print(torch.linalg.norm(m[0]), torch.linalg.norm(m[0], 1), torch.linalg.norm(m[0], float('inf')), m.norm(), m.norm(2, (0, 1)), m.norm(p='fro', dim=[1]))
print(torch.linalg.vector_norm(m, 1), torch.linalg.vector_norm(m, dim=(1,)), torch.norm(m, 2, 0, True), m.norm(dim=-1, keepdim=True))
print(torch.linalg.vector_norm(torch.tensor([[float('nan'), 1.], [2., 3.]]), float('inf'), 1), torch.zeros(3, 0).norm(dim=1))
for f in (lambda: torch.linalg.vector_norm(torch.tensor([1, 2])), lambda: torch.tensor([1, 2]).norm(dim=0),
          lambda: torch.linalg.vector_norm(m, dim=2), lambda: torch.linalg.norm(torch.randn(2, 2, 2), ord=2),
          lambda: torch.linalg.matrix_norm(torch.randn(3)), lambda: m.norm(dim=(0, 0)), lambda: m.norm(p=2, dim=(0, 0)),
          lambda: torch.linalg.vector_norm(torch.zeros(3, 0), float('inf'), -1), lambda: torch.linalg.vector_norm(torch.zeros(0), float('inf')),
          lambda: torch.zeros(0).norm(float('inf')), lambda: torch.zeros(3, 0).norm(float('inf'), 1)):
    try:
        print(f())
    except Exception as e:
        print(type(e).__name__, e)
