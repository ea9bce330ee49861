import torch
w = torch.tensor([1.0, 2.0, 4.0], requires_grad=True)
with torch.no_grad():
    w += 1
    print(w)
    w -= torch.tensor([0.5, 0.5, 0.5])
    print(w)
    w *= 2
    print(w)
    w /= 4
    print(w)
print(w, w.requires_grad, w.is_leaf, w.grad_fn)
loss = (w * w).sum()
loss.backward()
print(w.grad)
with torch.no_grad():
    w -= 0.1 * w.grad
print(w)
