# TensorDataset and DataLoader: shuffled batches draw the base seed, the sampler seed and randperm as PyTorch does, so later randn match
import torch
from torch.utils.data import TensorDataset, DataLoader
torch.manual_seed(0)
X = torch.arange(10.)
y = torch.arange(10) * 2
ds = TensorDataset(X, y)
print(len(ds), ds[3])
dl = DataLoader(ds, batch_size=4, shuffle=True)
print(len(dl))
for epoch in range(2):
    for xb, yb in dl:
        print(xb.shape, yb.tolist())
print(torch.randn(2))
dl2 = DataLoader(ds, batch_size=3, drop_last=True)
print(len(dl2), [b[1].tolist() for b in dl2])
print(torch.randn(2))
a, b = torch.utils.data.random_split(ds, [7, 3])
print(len(a), len(b), a.indices if hasattr(a, 'indices') else None)
