# atan2 (arctan2) and hypot: values, gradients of both operands (Atan2Backward0, HypotBackward0),
# broadcasting, 0-dim operands, float32 and float64, runs with a tail shorter than a vector pair,
# integer inputs (atan2 promotes them), special values, in-place forms. Broadcast operands run in
# rows as PyTorch's TensorIterator merges them (a [2, 5, 20] with a [5, 20] is one run of 100).
import torch
y = torch.tensor([[1.0, -2.0, 0.5], [0.0, 3.0, -1.5]], requires_grad=True)
x = torch.tensor([2.0, -1.0, 0.25], requires_grad=True)
for name in ['atan2', 'arctan2', 'hypot']:
    z = getattr(torch, name)(y, x)
    print(name, z.grad_fn.name(), z)
    z.sum().backward()
    print(y.grad.tolist(), x.grad.tolist())
    y.grad = None
    x.grad = None
torch.manual_seed(0)
for n in [7, 16, 37, 100]:
    a = torch.randn(n, requires_grad=True)
    b = (torch.randn(n) * 3).requires_grad_()
    g = torch.linspace(-2, 2, n)
    for name in ['atan2', 'hypot']:
        z = getattr(a, name)(b)
        print(n, name, z.tolist())
        (z * g).sum().backward()
        print(a.grad.tolist(), b.grad.tolist())
        a.grad = None
        b.grad = None
a = torch.randn(29, dtype=torch.float64, requires_grad=True)
b = torch.randn(29, dtype=torch.float64, requires_grad=True)
for name in ['atan2', 'hypot']:
    z = getattr(torch, name)(a, b)
    z.sum().backward()
    print(name, z.dtype, z.tolist(), a.grad.tolist(), b.grad.tolist())
    a.grad = None
    b.grad = None
m = torch.randn(3, 20)
s = torch.tensor(0.7)
print(torch.atan2(m, s).tolist(), torch.hypot(s, m).tolist())
print(torch.atan2(torch.randn(2, 5, 20), torch.randn(5, 20)).tolist(), torch.hypot(torch.randn(3, 1, 40), torch.randn(1, 1, 40)).tolist())
print(torch.atan2(torch.randn(2, 3, 1), torch.randn(2, 1, 24)).tolist(), torch.hypot(torch.randn(6, 1), torch.randn(1, 1)).tolist())
print(torch.atan2(torch.randn(4, 1), torch.randn(1, 19)).tolist())
sp = [0.0, -0.0, 1.0, -1.0, float('inf'), float('-inf'), float('nan'), 1e-45, 3e38]
ys = torch.tensor([u for u in sp for v in sp])
xs = torch.tensor([v for u in sp for v in sp])
print(torch.atan2(ys, xs).tolist())
print(torch.hypot(ys, xs).tolist())
print(torch.atan2(ys.double(), xs.double()).tolist())
print(torch.hypot(ys.double(), xs.double()).tolist())
print(torch.atan2(torch.tensor([1, 2, 3]), torch.tensor([2, 0, -1])), torch.atan2(torch.tensor([1.0]), torch.tensor([2.0], dtype=torch.float64)))
print(torch.hypot(torch.tensor([3.0]), torch.tensor(4)), torch.hypot(torch.tensor([1e-30, 1e30]), torch.tensor([1e-30, 1e30])))
t = torch.tensor([1.0, -1.0])
print(t.atan2_(torch.tensor([2.0, 2.0])), t.arctan2_(torch.tensor(1.0)), t.hypot_(torch.tensor([3.0, 4.0])))
w = torch.tensor([2.0, 3.0], requires_grad=True)
z = torch.atan2(w, torch.tensor([1.0, -1.0]))
z.sum().backward()
print(w.grad, torch.hypot(w, torch.tensor(0.0)).grad_fn.name())
# Views (Note [Runs of strided operands]): columns of a point array, transposes, step slices and
# expands run in PyTorch's order over their strides.
pts = torch.randn(40, 2)
print(torch.atan2(pts[:, 1], pts[:, 0]).tolist(), torch.hypot(pts[:, 0], pts[:, 1]).tolist())
q = torch.randn(6, 20)
print(torch.atan2(q.t(), q[:, 0]).tolist(), torch.hypot(q[::2], q[1::2]).tolist())
print(torch.atan2(q[:, ::3], torch.tensor(0.5).expand(6, 7)).tolist(), torch.hypot(q.t(), torch.ones(20, 1)).tolist())
d = torch.randn(30, 3, dtype=torch.float64, requires_grad=True)
z = torch.atan2(d[:, 2], d[:, 1])
z.sum().backward()
print(z.tolist(), d.grad.tolist())
