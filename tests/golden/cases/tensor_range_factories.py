# Note [Range factories]: PyTorch fills arange and linspace in vectors of 8 floats (4 doubles,
# 4 int64s), two per turn, the rest one by one; each vector's lanes add k*step to its first value.
import torch

# linspace around the vector-pair boundaries (16 floats, 8 doubles), both halves
for n in [2, 3, 7, 8, 9, 15, 16, 17, 20, 23, 24, 31, 32, 33, 40, 47, 49]:
    print(n, torch.linspace(-6, 6, n).tolist())
for n in [7, 8, 9, 12, 17]:
    print(n, torch.linspace(-1.3, 2.9, n, dtype=torch.float64).tolist())
x = torch.linspace(-6, 6, 2001)
print(x[10:20].tolist(), x[990:1010].tolist(), x[-20:].tolist())
print(x.sum().item(), x.abs().sum().item())
print(torch.linspace(5, -5, 101).tolist()[40:60])
print(torch.linspace(-3.14159, 3.14159, 100, dtype=torch.float64).tolist()[:12])

# int64 linspace: the step is a double and each lane is truncated, so it is not even monotonic
print(torch.linspace(0, 10, 7, dtype=torch.int64))
print(torch.linspace(-3, 10, 40, dtype=torch.int64))
print(torch.linspace(10, -3, 41, dtype=torch.int64))
print(torch.linspace(0.5, 10.7, 23, dtype=torch.int64))
print(torch.linspace(2.7, 3, 1, dtype=torch.int64), torch.linspace(2.7, 3, 1), torch.linspace(2, 3, 0))

# arange accumulates in double: lanes are (first value, rounded to float) + k*step
print(torch.arange(0, 1, 0.1).tolist())
print(torch.arange(0, 0.5, 0.01).tolist())
print(torch.arange(-3.3, 7.1, 0.013)[100:140].tolist())
print(torch.arange(0, 3, 0.1, dtype=torch.float64).tolist())
print(torch.arange(1, 2, 1 / 3, dtype=torch.float64).tolist())
print(torch.arange(0.5, 40.5).tolist())
print(torch.arange(-0.5, 0.3, 0.1, dtype=torch.float64))
print(torch.arange(-2.5, 10.3, 1.5, dtype=torch.int64))
print(torch.arange(10, -10, -3), torch.arange(3.7), torch.arange(0.5, dtype=torch.int64))
