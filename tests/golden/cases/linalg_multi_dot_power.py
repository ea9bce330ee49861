# torch.linalg.multi_dot (the cheapest order of mm products) and matrix_power (repeated
# squaring) on random shapes, float32 and float64: node names down the graph, every digit of the
# values and gradients.
import torch

torch.manual_seed(2)


def walk(fn, depth=0):
    if fn is None:
        return
    print('  ' * depth + fn.name())
    for child, _ in fn.next_functions:
        walk(child, depth + 1)


a = torch.randn(2, 3, requires_grad=True)
b = torch.randn(3, 5, requires_grad=True)
c = torch.randn(5, 2, requires_grad=True)
d = torch.randn(2, 4, requires_grad=True)
r = torch.linalg.multi_dot([a, b, c, d])
print(r)
walk(r.grad_fn)
r = torch.linalg.multi_dot((torch.randn(3), b, c))
print(r)
walk(r.grad_fn)
r = torch.linalg.multi_dot([torch.randn(5), torch.randn(5)])
print(r)
print(torch.linalg.multi_dot([torch.tensor([[1, 2]]), torch.tensor([[3], [4]])]))

for k in range(40):
    n = 2 + k % 5
    dtype = torch.float64 if k % 3 == 2 else torch.float32
    dims = [int(v) for v in torch.randint(1, 9, (n + 1,))]
    mats = [torch.randn(dims[i], dims[i + 1], dtype=dtype, requires_grad=True) for i in range(n)]
    if k % 4 == 1:
        mats[0] = torch.randn(dims[1], dtype=dtype, requires_grad=True)
    if k % 5 == 2:
        mats[-1] = torch.randn(dims[-2], dtype=dtype, requires_grad=True)
    out = torch.linalg.multi_dot(mats)
    out.backward(torch.randn(out.shape, dtype=dtype))
    print('md', k, dims, out.reshape(-1).tolist()[:6], mats[0].grad.reshape(-1).tolist()[:4], mats[-1].grad.reshape(-1).tolist()[-3:])

m = torch.randn(3, 3, requires_grad=True)
for n in range(1, 9):
    p = torch.linalg.matrix_power(m, n)
    print(n, p)
    walk(p.grad_fn)
print(torch.linalg.matrix_power(m.detach(), 0))
print(torch.matrix_power(torch.tensor([[1, 2], [3, 4]]), 3))
print(torch.tensor([[1.0, 2.0], [3.0, 4.0]]).matrix_power(2))
print(torch.linalg.matrix_power(torch.tensor([[1, 2], [3, 4]]), n=0))

for k in range(30):
    size = 1 + k % 6
    dtype = torch.float64 if k % 3 == 1 else torch.float32
    x = (torch.randn(size, size, dtype=dtype) * 0.7).requires_grad_()
    n = 1 + k % 11
    p = torch.linalg.matrix_power(x, n)
    p.backward(torch.randn(p.shape, dtype=dtype))
    print('mp', k, n, p.reshape(-1).tolist()[:5], x.grad.reshape(-1).tolist()[-4:])

# batches of matrices: values (their gradients, where a tensor feeds three or more batched
# products, still differ in the last digit, as torch.matmul chains do in gradlab)
for k in range(12):
    size = 1 + k % 5
    x = torch.randn(3, size, size, dtype=torch.float64 if k % 2 else torch.float32)
    print('mpb', k, torch.linalg.matrix_power(x, 2 + k).reshape(-1).tolist()[:6])
