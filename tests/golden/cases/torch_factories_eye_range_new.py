import torch
print(torch.range(0, 10))
print(torch.range(1, 4, 0.5), torch.range(1, 4, dtype=torch.int64))
x = torch.tensor([[1, 2], [3, 4]])
print(x.new_ones(2, 3), x.new_zeros((2,)), x.new_full((2,), 3.5), x.new_tensor([1.5, 2]), x.new_empty(0))
print(torch.eye(3), torch.eye(2, 3, dtype=torch.int64), torch.eye(2, requires_grad=True))
print(torch.empty_like(x).shape)
y = torch.zeros(2, 2)
print(torch.add(x.float(), 1, out=y), y)
z = torch.zeros(3)
print(torch.mul(torch.ones(2), 2, out=z), z)
print(x.sum(axis=0), x.float().mean(axis=1, keepdims=True))
import torch.backends
print(torch.backends.mps.is_available(), torch.backends.cudnn.deterministic)
