import torch
# floor_divide has no derivative: its node is NotImplemented, and only backward raises
x = torch.tensor([-3., 3.5, 7.25], requires_grad=True)
y = x // 2
print(y, y.grad_fn.name(), y.requires_grad, y.is_leaf)
print([(f.name(), i) for f, i in y.grad_fn.next_functions])
z = torch.floor_divide(x, torch.tensor([2., -1., 0.5]))
print(z, [(f.name() if f is not None else None, i) for f, i in z.grad_fn.next_functions])
w = torch.floor_divide(torch.tensor([5., 6., 7.]), x)
print(w, [(f.name() if f is not None else None, i) for f, i in w.grad_fn.next_functions])
with torch.no_grad():
    print(x // 2)
print(x.detach() // 2, (x * 2).floor_divide(3))
(x * 1).sum().backward()
print(x.grad)
(y * 3).sum().backward()
