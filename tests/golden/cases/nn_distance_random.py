# pairwise_distance, cosine_similarity, normalize and softmin on many random inputs, float32 and
# float64: every digit of the values and of the gradients must match PyTorch's composites.
import torch
import torch.nn.functional as F

torch.manual_seed(11)
shapes = [(5,), (3, 4), (2, 7), (4, 9), (3, 16), (2, 3, 5), (6, 33), (1, 130)]

for k in range(48):
    shape = shapes[k % len(shapes)]
    dtype = torch.float64 if k % 4 == 3 else torch.float32
    scale = [1.0, 1e-3, 40.0][k % 3]
    a = (torch.randn(*shape, dtype=dtype) * scale).requires_grad_()
    b = (torch.randn(*shape, dtype=dtype) * scale).requires_grad_()
    p = [2.0, 1.0, float('inf')][k % 3]
    d = F.pairwise_distance(a, b, p=p, eps=[1e-6, 1e-3][k % 2], keepdim=k % 5 == 0)
    d.backward(torch.randn(d.shape, dtype=dtype))
    print('pd', k, d.grad_fn.name(), d.shape, d.tolist(), a.grad.reshape(-1)[:6].tolist(), b.grad.reshape(-1)[-4:].tolist())

for k in range(48):
    shape = shapes[k % len(shapes)]
    dtype = torch.float64 if k % 4 == 1 else torch.float32
    a = torch.randn(*shape, dtype=dtype).requires_grad_()
    other = shape[1:] if k % 6 == 2 and len(shape) > 1 else shape
    b = torch.randn(*other, dtype=dtype).requires_grad_()
    dim = (k % len(shape)) - (1 if k % 2 else 0) if len(shape) > 1 else 0
    c = F.cosine_similarity(a, b, dim=dim, eps=[1e-8, 0.5][k % 2 if k % 7 == 0 else 0])
    c.backward(torch.randn(c.shape, dtype=dtype))
    print('cs', k, dim, c.tolist(), a.grad.reshape(-1)[:5].tolist(), b.grad.reshape(-1)[-3:].tolist())

# tiny vectors: the squared norms are clamped to eps**2 before the square root
for dtype in (torch.float32, torch.float64):
    a = (torch.randn(4, 3, dtype=dtype) * 1e-9).requires_grad_()
    b = torch.randn(4, 3, dtype=dtype, requires_grad=True)
    c = F.cosine_similarity(a, b)
    c.sum().backward()
    print('tiny', c.tolist(), a.grad.tolist()[0], b.grad.tolist()[1])

for k in range(36):
    shape = shapes[k % len(shapes)]
    dtype = torch.float64 if k % 3 == 2 else torch.float32
    x = (torch.randn(*shape, dtype=dtype) * [1.0, 1e-7, 30.0][k % 3]).requires_grad_()
    p = [2.0, 1.0, float('inf')][k % 3] if k % 4 else 2
    dim = k % len(shape)
    y = F.normalize(x, p=p, dim=dim, eps=[1e-12, 1e-6][k % 2])
    y.backward(torch.randn(y.shape, dtype=dtype))
    print('nz', k, y.reshape(-1)[:6].tolist(), x.grad.reshape(-1)[:6].tolist())

for k in range(24):
    shape = shapes[k % len(shapes)]
    x = torch.randn(*shape, requires_grad=True)
    dim = k % len(shape)
    y = F.softmin(x, dim=dim) if k % 3 else F.softmin(x, dim, dtype=torch.float64)
    y.backward(torch.randn(y.shape, dtype=y.dtype))
    print('sm', k, y.dtype, y.reshape(-1)[:6].tolist(), x.grad.reshape(-1)[:6].tolist())
