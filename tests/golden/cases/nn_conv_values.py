# conv1d / conv2d forward values and input, weight and bias grads on the oneDNN (batch > 1 or
# large kernels) and slow_conv2d (batch 1, small kernels; float64) paths, with stride, padding,
# dilation, 'same'/'valid', unbatched inputs, and the node names
import torch
import torch.nn.functional as F
torch.manual_seed(0)
def run(x, w, b, **kw):
    x = x.clone().requires_grad_()
    w = w.clone().requires_grad_()
    if b is not None:
        b = b.clone().requires_grad_()
    y = F.conv2d(x, w, b, **kw) if w.dim() == 4 else F.conv1d(x, w, b, **kw)
    print(tuple(y.shape), y.grad_fn.name())
    print(y.flatten().tolist()[:12])
    print(y.sum().item())
    g = torch.randn(y.shape, dtype=y.dtype)
    y.backward(g)
    print(x.grad.flatten().tolist()[:12], x.grad.sum().item())
    print(w.grad.flatten().tolist()[:12], w.grad.sum().item())
    if b is not None:
        print(b.grad.tolist())
configs = [
    ((2, 3, 10, 10), (4, 3, 3, 3), True, {}),
    ((2, 3, 10, 10), (4, 3, 3, 3), True, dict(stride=2, padding=1)),
    ((1, 1, 28, 28), (6, 1, 5, 5), True, {}),
    ((4, 6, 12, 12), (16, 6, 5, 5), True, {}),
    ((1, 3, 8, 8), (5, 3, 3, 3), True, dict(padding=1)),
    ((1, 2, 9, 7), (3, 2, 2, 3), False, dict(stride=(2, 1))),
    ((2, 20, 9, 9), (24, 20, 3, 3), True, dict(padding=2)),
    ((2, 33, 6, 6), (18, 33, 3, 3), True, dict(padding=1)),
    ((3, 40, 7, 7), (36, 40, 1, 1), True, {}),
    ((2, 5, 8, 8), (7, 5, 3, 3), True, dict(padding='same')),
    ((2, 5, 8, 8), (7, 5, 3, 3), True, dict(padding='valid')),
    ((3, 10, 10), (4, 3, 3, 3), True, {}),
    ((2, 8, 30), (12, 8, 5), True, dict(padding=2)),
    ((4, 1, 50), (4, 1, 7), True, dict(stride=2)),
    ((1, 4, 20), (5, 4, 3), True, {}),
    ((4, 20), (5, 4, 3), False, dict(padding=1)),
]
for xs, ws, with_bias, kw in configs:
    x = torch.randn(xs)
    w = torch.randn(ws)
    b = torch.randn(ws[0]) if with_bias else None
    print('---', xs, ws, kw)
    run(x, w, b, **kw)
print('--- float64')
run(torch.randn(2, 3, 6, 6, dtype=torch.float64), torch.randn(4, 3, 3, 3, dtype=torch.float64), torch.randn(4, dtype=torch.float64), padding=1)
x = torch.randn(3, 10, 10, requires_grad=True)
y = torch.conv2d(x, torch.randn(4, 3, 3, 3))
print(y.shape, y.grad_fn.name())
# dilation: forward only (oneDNN computes its weight gradient with a kernel gradlab does not model)
x = torch.randn(2, 20, 9, 9)
w = torch.randn(24, 20, 3, 3)
y = F.conv2d(x, w, padding=2, dilation=2)
print(y.shape, y.sum().item(), y.flatten().tolist()[:8])
