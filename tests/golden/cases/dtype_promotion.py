# PyTorch's promotion lattice, result_type with tensors, zero-dim tensors and numbers, can_cast.
import torch

dtypes = [torch.bool, torch.uint8, torch.int8, torch.int16, torch.int32, torch.int64, torch.float16, torch.bfloat16,
          torch.float32, torch.float64]
for a in dtypes:
    print(a, [str(torch.promote_types(a, b)).replace('torch.', '') for b in dtypes])
for a in dtypes:
    print(a, ''.join('1' if torch.can_cast(a, b) else '0' for b in dtypes))
for a in dtypes:
    ta = torch.ones(2, dtype=a)
    print(a, torch.result_type(ta, 1), torch.result_type(ta, 2.5), torch.result_type(ta, True),
          [str(torch.result_type(ta, torch.tensor(1, dtype=b))).replace('torch.', '') for b in dtypes])
    print((ta + 1).dtype, (ta * 2.5).dtype, (ta + torch.ones(2, dtype=torch.int32)).dtype, (ta + torch.ones(2, dtype=torch.uint8)).dtype)
print(torch.result_type(1, 2), torch.result_type(1, 2.0), torch.result_type(True, False), torch.result_type(True, 3))
a = torch.tensor([1, 2], dtype=torch.int32)
b = torch.tensor([3, 4])
print(a + b, a * b, a - b, (a + b).dtype, a + torch.tensor(5), a + torch.tensor(2.5), a + 2.5, a / 2, a // 2)
u = torch.tensor([200, 100], dtype=torch.uint8)
i = torch.tensor([-1, 100], dtype=torch.int8)
print(u + i, (u + i).dtype, u + True, torch.tensor([True, False]) + u)
h = torch.tensor([1.5, 2.25], dtype=torch.float16)
bf = torch.tensor([1.5, 2.25], dtype=torch.bfloat16)
print(h + torch.tensor([1.0, 2.0]), h + bf, h + 1, h * 2.5, h + torch.tensor(1.0, dtype=torch.float64), bf + torch.ones(2, dtype=torch.int64))
