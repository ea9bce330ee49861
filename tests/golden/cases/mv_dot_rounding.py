# dot, mv and matmul's vector cases round as PyTorch's BLAS level 1/2 calls (sdot/ddot, gemv 't'
# for a row-major matrix, gemv 'n' for a transposed one, its own loop for an expanded vector),
# not as a gemm: the last digits of .item() and of printed tensors, float32 and float64, and the
# backward of mv (A.t().mv(grad)) and dot.
import torch
torch.manual_seed(7)
for dtype in (torch.float32, torch.float64):
    for n in (1, 3, 5, 8, 17, 31, 33, 64, 100, 257, 1000, 4100):
        a = torch.randn(n, dtype=dtype)
        b = torch.randn(n, dtype=dtype)
        m = torch.randn(6, n, dtype=dtype)
        mt = torch.randn(n, 7, dtype=dtype)
        print(n, repr(torch.dot(a, b).item()), repr((a @ b).item()))
        print([repr(x) for x in torch.mv(m, a).tolist()])
        print([repr(x) for x in (mt.t() @ b).tolist()])
        if n < 500:  # 1-D @ 2-D is a gemm (mm): larger ones go to the machine's BLAS natively
            print([repr(x) for x in (b @ mt).tolist()])
        print(repr(torch.dot(mt[:, 0], mt[:, 1]).item()), repr(torch.dot(a[::2], b[::2]).item()))
    # a vector with a stride: gemv 'n' takes its columns in fours then ones
    big = torch.randn(9, 11, dtype=dtype)
    print([repr(x) for x in torch.mv(big.t(), big[:, 3]).tolist()])
    print([repr(x) for x in torch.mv(big, big[2]).tolist()])
    # a transposed matrix of fewer than 4 rows, and many rows past the 4096-row chunk
    small = torch.randn(10, 3, dtype=dtype)
    print([repr(x) for x in torch.mv(small.t(), torch.randn(10, dtype=dtype)).tolist()])
    tall = torch.randn(2, 4103, dtype=dtype).t()
    print([repr(x) for x in torch.mv(tall, torch.randn(2, dtype=dtype)).tolist()[-9:]])
    # 3-D @ 1-D folds into one mv; 1-D @ 3-D folds the transpose
    t3 = torch.randn(2, 5, 37, dtype=dtype)
    print(torch.matmul(t3, torch.randn(37, dtype=dtype)))
    v = torch.randn(5, dtype=dtype, requires_grad=True)
    r = v @ t3.requires_grad_()
    print(type(r.grad_fn).__name__, r)
    f, names = r.grad_fn, []
    while f is not None:
        names.append(type(f).__name__)
        f = f.next_functions[0][0] if f.next_functions else None
    print(names)
    r.backward(torch.randn(2, 37, dtype=dtype))
    print([repr(g) for g in v.grad.tolist()], t3.grad[1, :2, :4])
    # an expanded vector: PyTorch's own loop
    e = torch.randn(1, dtype=dtype).expand(37)
    print([repr(x) for x in torch.mv(t3[0], e).tolist()])
    # backward: MvBackward0 computes A.t().mv(grad) (an expanded grad after sum), DotBackward0 products
    A = torch.randn(9, 70, dtype=dtype, requires_grad=True)
    x = torch.randn(70, dtype=dtype, requires_grad=True)
    y = A @ x
    y.sum().backward()
    print(type(y.grad_fn).__name__, [repr(g) for g in x.grad.tolist()[:6]])
    x.grad = None
    (A @ x).backward(torch.randn(9, dtype=dtype))
    print([repr(g) for g in x.grad.tolist()[:6]])
    w = torch.randn(70, 9, dtype=dtype, requires_grad=True)
    z = w.t() @ x.detach()
    z.backward(torch.randn(9, dtype=dtype))
    print(type(z.grad_fn).__name__, w.grad[:2])
    p = torch.randn(300, dtype=dtype, requires_grad=True)
    q = torch.randn(300, dtype=dtype, requires_grad=True)
    d = torch.dot(p, q)
    d.backward()
    print(d, type(d.grad_fn).__name__, repr(p.grad[5].item()))
    print(torch.mv(torch.randn(3, 0, dtype=dtype), torch.randn(0, dtype=dtype)), torch.dot(torch.randn(0, dtype=dtype), torch.randn(0, dtype=dtype)))
