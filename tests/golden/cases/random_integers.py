# randint in every argument form and dtype, randperm small and with dtypes, random_ with its
# ranges, and 64-bit draws for ranges of 2**32 and more.
import torch

torch.manual_seed(0)
print(torch.randint(10, (5,)))
print(torch.randint(3, 10, (2, 3)))
print(torch.randint(-5, 5, (8,)))
print(torch.randint(low=2, high=4, size=(4,)))
print(torch.randint(high=3, size=(2,)))
print(torch.randint(size=(3,), high=100))
print(torch.randint(0, 2**40, (3,)))
print(torch.randint(-2**35, 2**35, (4,)))
print(torch.randint(10, (3,), dtype=torch.float32))
print(torch.randint(0, 1000, (2, 2), dtype=torch.float64))
print(torch.randint(5, (0,)))
print(torch.randint(1, 7, (1000,)).sum())
for n in [0, 1, 2, 5, 10, 17]:
    print(n, torch.randperm(n))
print(torch.randperm(6, dtype=torch.float32))
print(torch.randperm(1000)[-10:])
x = torch.zeros(6)
print(x.random_(3, 9), x.random_(4), x.random_(-3, 2))
print(torch.empty(5).random_())
print(torch.empty(3, dtype=torch.float64).random_(2**40))
print(torch.empty(4, dtype=torch.int64).random_(-2**40, 2**40))
print(torch.empty(4, dtype=torch.int64).random_(10**15))
print(torch.randint_like(torch.zeros(2, 2), 10), torch.randint_like(torch.zeros(3, dtype=torch.int64), 5, 9))
