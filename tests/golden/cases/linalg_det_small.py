# torch.linalg.det / torch.det of small matrices (up to 5 by 5), float32 and float64: every digit
# (Note [Determinant digits]): random batches at several scales, integer-valued matrices (equal
# pivot candidates), singular ones and empty ones.
import torch

torch.manual_seed(9)
for dtype in (torch.float32, torch.float64):
    for n in range(0, 6):
        for scale in (1.0, 1e-3, 100.0):
            a = torch.randn(150, n, n, dtype=dtype) * scale
            print(dtype, n, scale, torch.linalg.det(a).tolist())
        ints = torch.randint(-3, 4, (150, n, n)).to(dtype)
        print(dtype, n, 'ints', torch.det(ints).tolist())
print(torch.det(torch.zeros(3, 3)), torch.det(torch.tensor([[1.0, 2.0], [2.0, 4.0]])))
print(torch.linalg.det(torch.zeros(2, 0, 0)), torch.tensor([[2.0, 1.0], [1.0, 3.0]]).det())
x = torch.randn(2, 3, 4, 4, dtype=torch.float64)
print(torch.linalg.det(x))
print(torch.linalg.det(x.transpose(-1, -2)))
with torch.no_grad():
    print(torch.det(torch.randn(3, 3, requires_grad=True)))
