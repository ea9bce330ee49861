# float64 products in OpenBLAS's Haswell dgemm order (Note [Float64 matmul rounding]): odd row
# counts (one-column tiles with four accumulators), k cut into blocks, transposed operands,
# addmm onto a bias, bmm, and the gradients (the same kernel, transposed). Products stay within
# 4096 multiply-adds, the ones the native build never hands to the machine's OpenBLAS.
import torch
torch.manual_seed(0)
for _ in range(20):
    a = torch.randn(9, 9, dtype=torch.float64)
    b = torch.randn(9, 5, dtype=torch.float64)
    print(torch.mm(a, b).tolist())
a = torch.randn(3, 300, dtype=torch.float64, requires_grad=True)
b = torch.randn(300, 3, dtype=torch.float64, requires_grad=True)
y = a @ b
print(y.tolist())
(y * torch.randn(3, 3, dtype=torch.float64)).sum().backward()
print(a.grad.tolist())
print(b.grad.tolist())
w = torch.randn(13, 21, dtype=torch.float64, requires_grad=True)
x = torch.randn(9, 21, dtype=torch.float64, requires_grad=True)
bias = torch.randn(13, dtype=torch.float64, requires_grad=True)
z = torch.addmm(bias, x, w.t())
print(z.tolist())
z.pow(2).sum().backward()
print(w.grad.tolist())
print(x.grad[:, :12].tolist())
print(bias.grad.tolist())
p = torch.randn(3, 5, 70, dtype=torch.float64, requires_grad=True)
q = torch.randn(3, 70, 9, dtype=torch.float64, requires_grad=True)
r = torch.bmm(p, q)
print(r.tolist())
r.sum().backward()
print(p.grad[:, :, :12].tolist())
print(q.grad[:, :12].tolist())
v = torch.randn(1, 600, dtype=torch.float64) @ torch.randn(600, 5, dtype=torch.float64)
print(v.tolist())
print(torch.matmul(torch.randn(2, 5, 21, dtype=torch.float64), torch.randn(21, 3, dtype=torch.float64)).tolist())
# one column: PyTorch's m×1 output is column-major, which turns OpenBLAS's view around
c = torch.randn(37, 40, dtype=torch.float64, requires_grad=True)
d = torch.randn(40, 1, dtype=torch.float64, requires_grad=True)
e = c @ d
print(e.tolist())
(e * torch.randn(37, 1, dtype=torch.float64)).sum().backward()
print(d.grad.tolist())
