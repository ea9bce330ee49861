# Integer draws into the narrow integer dtypes.
import torch

torch.manual_seed(0)
print(torch.randint(0, 10, (5,), dtype=torch.int32), torch.randint(-100, 100, (2, 3), dtype=torch.int16))
print(torch.randperm(6, dtype=torch.int16), torch.randperm(20, dtype=torch.int32), torch.randperm(5, dtype=torch.uint8))
print(torch.randint_like(torch.zeros(4, dtype=torch.int8), 5), torch.randint(3, (4,), dtype=torch.uint8))
print(torch.empty(3, dtype=torch.int32).random_(0, 100), torch.zeros(4, dtype=torch.int8).random_(-5, 5))
print(torch.randint(0, 2**31 - 1, (3,), dtype=torch.int32))
