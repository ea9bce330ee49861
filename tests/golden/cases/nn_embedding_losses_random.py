# margin_ranking_loss, hinge_embedding_loss, cosine_embedding_loss and triplet_margin_loss on many
# random inputs, float32 and float64, every reduction: every digit of the losses and gradients.
import torch
import torch.nn.functional as F

torch.manual_seed(5)
reductions = ['mean', 'sum', 'none']

for k in range(30):
    n = [1, 3, 8, 17, 64][k % 5]
    dtype = torch.float64 if k % 4 == 3 else torch.float32
    x1 = torch.randn(n, dtype=dtype, requires_grad=True)
    x2 = torch.randn(n, dtype=dtype, requires_grad=True)
    target = torch.randint(0, 2, (n,)) * 2 - 1
    if k % 3 == 1:
        target = target.to(dtype)
    r = reductions[k % 3]
    loss = F.margin_ranking_loss(x1, x2, target, margin=[0.0, 0.1, 0.7][k % 3], reduction=r)
    loss.backward(torch.ones_like(loss))
    print('mr', k, loss.tolist(), x1.grad.tolist()[:5], x2.grad.tolist()[-3:])

for k in range(30):
    shape = [(5,), (3, 4), (2, 9), (17,)][k % 4]
    dtype = torch.float64 if k % 4 == 2 else torch.float32
    x = (torch.randn(*shape, dtype=dtype) * 2).requires_grad_()
    target = (torch.randint(0, 2, shape) * 2 - 1).to(dtype)
    r = reductions[k % 3]
    loss = F.hinge_embedding_loss(x, target, margin=[1.0, 0.3, 2.5][k % 3], reduction=r)
    loss.backward(torch.ones_like(loss))
    print('he', k, loss.reshape(-1).tolist()[:6], x.grad.reshape(-1).tolist()[:6])

for k in range(30):
    rows, cols = [(4, 3), (2, 8), (7, 5), (3, 33)][k % 4]
    dtype = torch.float64 if k % 4 == 1 else torch.float32
    if k % 5 == 4:
        x1 = torch.randn(cols, dtype=dtype, requires_grad=True)
        x2 = torch.randn(cols, dtype=dtype, requires_grad=True)
        target = torch.tensor(1 if k % 2 else -1)
    else:
        x1 = torch.randn(rows, cols, dtype=dtype, requires_grad=True)
        x2 = torch.randn(rows, cols, dtype=dtype, requires_grad=True)
        target = torch.randint(0, 2, (rows,)) * 2 - 1
    r = reductions[k % 3]
    loss = F.cosine_embedding_loss(x1, x2, target, margin=[0.0, -0.2, 0.4][k % 3], reduction=r)
    loss.backward(torch.ones_like(loss))
    print('ce', k, loss.reshape(-1).tolist(), x1.grad.reshape(-1).tolist()[:5], x2.grad.reshape(-1).tolist()[-3:])

for k in range(30):
    shape = [(4, 3), (2, 8), (5,), (3, 33)][k % 4]
    dtype = torch.float64 if k % 4 == 2 else torch.float32
    a = torch.randn(*shape, dtype=dtype, requires_grad=True)
    p = torch.randn(*shape, dtype=dtype, requires_grad=True)
    n = torch.randn(*shape, dtype=dtype, requires_grad=True)
    r = reductions[k % 3]
    loss = F.triplet_margin_loss(a, p, n, margin=[1.0, 0.2, 3.0][k % 3], p=[2, 1, float('inf')][k % 3 if k % 2 else 0],
                                 eps=[1e-6, 1e-2][k % 2], reduction=r)
    loss.backward(torch.ones_like(loss))
    print('tm', k, loss.reshape(-1).tolist(), a.grad.reshape(-1).tolist()[:4], n.grad.reshape(-1).tolist()[-3:])
