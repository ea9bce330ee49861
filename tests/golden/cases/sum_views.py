import torch
torch.manual_seed(0)

# Sums and means of strided views: PyTorch adds them in the order its iterator walks the view's
# memory, so the last digits differ from the same values held contiguously.
def show(name, t):
    print(name, t.sum().item(), t.mean().item(), t.contiguous().sum().item())

for dtype in (torch.float32, torch.float64):
    x = torch.randn(7, 13, dtype=dtype) * 10
    show("t", x.t())
    show("col", x[:, 3])
    show("cols", x[:, 1:])
    show("step", x[:, ::2])
    show("rows-step", x[::3])
    show("block", x[2:6, 4:11])
    show("t-slice", x.t()[2:9])
    show("t-col", x.t()[:, 4])
    show("slice-select", x[1:, 2:][:, 5])
    y = torch.randn(4, 5, 6, dtype=dtype)
    show("permute", y.permute(2, 0, 1))
    show("transpose", y.transpose(0, 2))
    show("inner", y[:, :, 1:5])
    show("mid", y[:, 2])
    show("expand", x[:, :1].expand(7, 9))
    for d in (0, 1):
        print("dim", d, x.t().sum(d), x[:, 1:].sum(d), x[::2].mean(d))
    print("dims", y.permute(1, 2, 0).sum((0, 2)), y[:, 1:, ::2].sum((1, 2)), y.transpose(1, 2).mean(1, keepdim=True))
    z = torch.randn(40, 37, dtype=dtype)
    show("big-t", z.t())
    show("big-cols", z[:, 3:30])
    show("big-col", z[:, 5])
    print(z.t().sum(0)[:5], z[:, 3:].sum(1)[:5])
