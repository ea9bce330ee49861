# torch.rand and torch.randn at the sizes where PyTorch's algorithms change (16 and more
# float32 values take the vectorised Box-Muller; fewer, or float64, the double path with its
# cached spare), several seeds, float32 and float64, and a 3-D shape.
import torch

for seed in [0, 42, 9223372036854775807, 7]:
    torch.manual_seed(seed)
    print("seed", seed, torch.initial_seed())
    for n in [0, 1, 15, 16, 17, 31]:
        print(n, torch.rand(n).tolist())
        print(n, torch.randn(n).tolist())
    print(torch.randn(3, dtype=torch.float64).tolist())
    print(torch.rand(2, 3, dtype=torch.float64).tolist())

torch.manual_seed(3)
big = torch.randn(1000)
print(big[:5].tolist(), big[-20:].tolist())
print(big.sum().item(), big.mean().item(), (big * big).mean().item())
u = torch.rand(1000)
print(u[990:].tolist(), u.sum().item())
x = torch.randn(2, 3, 4)
print(x)
print(torch.rand(4, 5, 2))
print(torch.randn(()), torch.rand([]), torch.randn([2, 2]), torch.rand(size=(3,)))
w = torch.randn(3, requires_grad=True)
print(w)
print(torch.randn(2, 2, dtype=torch.float64, requires_grad=True))
