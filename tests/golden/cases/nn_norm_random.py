# layer_norm and batch_norm on many random shapes, float32 and float64: every digit of the
# values and gradients (sampled) must match PyTorch's CPU kernels.
import torch
import torch.nn.functional as F

torch.manual_seed(7)
sizes = [1, 2, 3, 5, 8, 9, 16, 17, 31, 64, 127, 128, 130, 257, 520, 2100]


def show(tag, t):
    flat = t.reshape(-1)
    step = max(1, flat.numel() // 7)
    print(tag, flat.sum().item(), flat[::step].tolist())


for k in range(40):
    n = sizes[k % len(sizes)]
    rows = 1 + k % 3
    dtype = torch.float64 if k % 5 == 4 else torch.float32
    scale = [1.0, 0.01, 50.0][k % 3]
    x = (torch.randn(rows, n, dtype=dtype) * scale + k - 20).requires_grad_()
    affine = k % 4
    w = torch.randn(n, dtype=dtype, requires_grad=True) if affine else None
    b = torch.randn(n, dtype=dtype, requires_grad=True) if affine in (1, 3) else None
    y = F.layer_norm(x, (n,), w, b, eps=[1e-5, 1e-3, 0.5][k % 3])
    y.backward(torch.randn(rows, n, dtype=dtype))
    show('ln%d y' % k, y)
    show('ln%d dx' % k, x.grad)
    if w is not None:
        show('ln%d dw' % k, w.grad)
    if b is not None:
        show('ln%d db' % k, b.grad)

for k in range(40):
    batch, channels = 2 + k % 5, 1 + k % 4
    shape = [(batch, channels), (batch, channels, 1 + k % 9), (batch, channels, 1 + k % 4, 2 + k % 5)][k % 3]
    dtype = torch.float64 if k % 5 == 4 else torch.float32
    x = (torch.randn(*shape, dtype=dtype) * [1.0, 0.1, 30.0][k % 3] + k % 7).requires_grad_()
    affine = k % 3 != 2
    w = torch.randn(channels, dtype=dtype, requires_grad=True) if affine else None
    b = torch.randn(channels, dtype=dtype, requires_grad=True) if affine else None
    rm, rv = torch.randn(channels, dtype=dtype), torch.rand(channels, dtype=dtype) + 0.5
    training = k % 4 != 3
    y = F.batch_norm(x, rm, rv, w, b, training, [0.1, 0.3, 0.05][k % 3], [1e-5, 1e-3][k % 2])
    if k % 6 == 5:
        y.sum().backward()
    else:
        y.backward(torch.randn(*shape, dtype=dtype))
    show('bn%d y' % k, y)
    show('bn%d dx' % k, x.grad)
    print('bn%d stats' % k, rm.tolist(), rv.tolist())
    if affine:
        print('bn%d dw db' % k, w.grad.tolist(), b.grad.tolist())
