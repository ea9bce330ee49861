# Reference cycles: Python's cycle collector frees these; gradlab's interpreter heap must too
# (the ASan golden run checks for leaks at exit).
import torch
import math

torch.me = torch                 # a module that refers to itself
torch.nn.parent = torch          # ... and through a submodule
math.box = [math]
print(torch.me.me is torch, torch.nn.parent.nn is torch.nn, math.box[0].pi)

a = []
a.append(a)                      # a list inside itself
print(a)
d = {}
d["self"] = d
print(d)


def outer():
    def inner():
        return inner             # a closure that refers to itself
    return inner


f = outer()
print(f() is f)
x = torch.ones(2, requires_grad=True)
keep = [x, (x * 2).sum()]
keep.append(keep)
print(len(keep), keep[1])

# Engine-level cycles: a .grad with history that leads back to its tensor, and an in-place op
# that saves its own output.
w = torch.tensor([1.0, 2.0, 3.0], requires_grad=True)
w.grad = 2 * w
print(w.grad)
b = w * 2
b.mul_(b)
print(b, b.grad_fn.name())
