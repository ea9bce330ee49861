# PyTorch's errors are catchable as their Python types
import torch

a = torch.ones(2, 3)
b = torch.ones(4)
try:
    a + b
except RuntimeError as e:
    print("RuntimeError:", e)
try:
    a[5]
except IndexError as e:
    print("IndexError:", e)
try:
    a.view(7)
except RuntimeError as e:
    print("view:", e)
try:
    torch.tensor([1.0]).backward()
except RuntimeError as e:
    print(type(e).__name__, "-", e)
x = torch.tensor([2.0], requires_grad=True)
y = (x * x).sum()
y.backward()
try:
    y.backward()
except RuntimeError as e:
    print(str(e).split(".")[0])
for bad in [lambda: a @ b, lambda: a.sum(dim=5), lambda: torch.zeros(2)[1, 2]]:
    try:
        bad()
    except (RuntimeError, IndexError) as e:
        print(type(e).__name__, isinstance(e, Exception))


class TrainingError(RuntimeError):
    pass


try:
    try:
        torch.ones(2).view(3)
    except RuntimeError as e:
        raise TrainingError("step failed") from e
except RuntimeError as e:
    print(type(e).__name__, e)
print("done")
