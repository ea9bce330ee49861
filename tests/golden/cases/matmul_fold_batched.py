# torch.matmul of a matrix and an N-D tensor folds as PyTorch 1.13 does (2-D @ N-D: one mm of the
# transposed batch, transposed back and made contiguous), except a 3-D operand whose last two dims
# are transposed in memory, which goes to bmm (ATen's should_fold): node names, gradients, digits.
import torch
torch.manual_seed(0)
def chain(t):
    out=[]; f=t.grad_fn
    while f is not None:
        out.append(type(f).__name__); f = f.next_functions[0][0] if f.next_functions else None
    return out
M = torch.randn(4,5, requires_grad=True); T = torch.randn(2,5,3, requires_grad=True)
r = M @ T
print(chain(r), r.shape)
r.backward(torch.randn(2,4,3)); print(M.grad, T.grad)
P = torch.randn(2,3,5).permute(0,2,1).requires_grad_()
W = torch.randn(3,4, requires_grad=True)
q = P @ W
print(chain(q)); q.sum().backward(); print(W.grad)
for dt in (torch.float32, torch.float64):
    for n in (7, 12):  # products up to 4096 multiply-adds: gradlab's own gemm, machine-independent
        A = torch.randn(6, n, dtype=dt); B = torch.randn(3, n, 9, dtype=dt)
        print([repr(x) for x in (A @ B).flatten().tolist()[:5]])
        C = torch.randn(3, 9, n, dtype=dt).permute(0, 2, 1)
        print([repr(x) for x in (C @ torch.randn(9, 4, dtype=dt)).flatten().tolist()[:5]])
        print([repr(x) for x in (A @ torch.randn(2, 3, n, 9, dtype=dt)).flatten().tolist()[-5:]])
