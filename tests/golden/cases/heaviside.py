# torch.heaviside / Tensor.heaviside(_): 0 below zero, 1 above, `values` at zero (a -0. value kept;
# NaN input gives 0), broadcasting, integer and bool tensors, and PyTorch's errors.
import torch
x = torch.tensor([-1.5, 0.0, -0.0, 2.0, float('nan'), float('inf'), -float('inf')])
print(torch.heaviside(x, torch.tensor([-0.0])), x.heaviside(torch.tensor(0.5)))
print(torch.heaviside(torch.tensor([-1, 0, 3]), torch.tensor([7])))
print(torch.heaviside(torch.tensor([True, False]), torch.tensor([True])))
print(torch.heaviside(torch.tensor([[0.0], [1.0]]), torch.tensor([2.0, 3.0])))
print(torch.heaviside(torch.tensor([0.0, -2.0], dtype=torch.float64), torch.tensor([0.25, 0.5], dtype=torch.float64)))
y = torch.tensor([0.0, 1.0, -3.0])
y.heaviside_(torch.tensor([0.25]))
print(y)
for f in [lambda: torch.heaviside(x, torch.tensor([1])), lambda: torch.heaviside(x, 0.5),
          lambda: torch.heaviside(torch.tensor([1.0, 0.0]), torch.tensor([1.0, 2.0, 3.0]))]:
    try:
        print(f())
    except Exception as e:
        print(type(e).__name__, e)
