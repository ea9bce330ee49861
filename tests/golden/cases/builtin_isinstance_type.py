import torch
print(type(1), type(1.0), type("s"), type(True), type(None))
print(type([]), type(()), type({}))
print(type(torch.tensor(1.0)))
print(isinstance(1, int), isinstance(1.0, int), isinstance(1.0, float), isinstance(True, int))
print(isinstance("a", str), isinstance([1], list), isinstance((1,), tuple), isinstance({}, dict))
print(isinstance(torch.ones(2), torch.Tensor), isinstance(3, torch.Tensor))
print(type(3 / 1), type(7 // 2), type(2 ** 0.5), type(bool(1)))
