# int64 values past 2**53 keep every digit: created from Python ints, drawn by random_(),
# printed, summed, and read back with tolist() and item().
import torch

x = torch.tensor([4011966876279215657, -5, 9007199254740993])
print(x)
print(x.tolist(), x[2].item(), x.sum(), x.max())
torch.manual_seed(0)
r = torch.empty(4, dtype=torch.int64).random_()
print(r)
print(r.tolist())
print(torch.tensor([[2**62 + 1], [-(2**62) - 3]]))
print(torch.randint(-2**62, 2**62, (3,)))
