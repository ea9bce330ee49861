# torch.linalg.matrix_norm / linalg.norm with ord 1, -1, inf, -inf (amax / amin of the column or
# row 1-norms), and torch.amax / amin themselves: ties share the gradient.
import torch

torch.manual_seed(4)


def walk(fn, depth=0):
    if fn is None:
        return
    print('  ' * depth + fn.name())
    for child, _ in fn.next_functions:
        walk(child, depth + 1)


a = torch.randn(3, 4, requires_grad=True)
for ord in [1, -1, float('inf'), float('-inf')]:
    v = torch.linalg.matrix_norm(a, ord)
    print(ord, v, torch.linalg.matrix_norm(a, ord, keepdim=True), torch.linalg.norm(a, ord))
    walk(v.grad_fn)
print(torch.linalg.matrix_norm(a, 1, dim=(1, 0)))
print(torch.linalg.matrix_norm(torch.randn(2, 3, 4), float('inf')))
print(torch.linalg.norm(torch.randn(2, 3, 4), -1, dim=(0, 2), keepdim=True))

for k in range(40):
    dtype = torch.float64 if k % 3 == 2 else torch.float32
    shape = [(3, 4), (5, 5), (1, 7), (6, 2), (2, 3, 4)][k % 5]
    # integer-valued entries make equal row / column sums (ties) likely
    x = torch.randint(-3, 4, shape).to(dtype) if k % 2 else torch.randn(*shape, dtype=dtype)
    x.requires_grad_()
    ord = [1, -1, float('inf'), float('-inf')][k % 4]
    v = torch.linalg.matrix_norm(x, ord, keepdim=k % 3 == 0)
    v.backward(torch.randn(v.shape, dtype=dtype))
    print('mn', k, ord, v.reshape(-1).tolist(), x.grad.reshape(-1).tolist())

x = torch.tensor([[1.0, 5.0, 5.0], [2.0, 2.0, -1.0]], requires_grad=True)
m = torch.amax(x, 1)
print(m)
m.backward(torch.tensor([3.0, -2.0]))
print(x.grad)
x.grad = None
m = x.amin(dim=(0, 1), keepdim=True)
print(m)
m.sum().backward()
print(x.grad)
print(torch.amax(x), x.amax(0), torch.amin(x, -1, True), torch.amax(torch.tensor([1, 5, 5])))
print(torch.amax(torch.zeros(0, 3), 1))
