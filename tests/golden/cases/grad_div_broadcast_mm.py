# b.grad collects the gradient of a / (b**2 + 1) (div's backward for its divisor, broadcast
# back to b's shape), of c * b and of the matrix products; PyTorch's digits for it are those of
# -grad * ((a / d) / d), not of -(grad * a) / (d * d).
import torch
a = torch.tensor([[-3.], [-0.25], [3.]], requires_grad=True)
b = torch.tensor([[-0.75, 3., 2.]], requires_grad=True)
c = torch.tensor(-1.25, requires_grad=True)
y = ((a / (b**2 + 1)) - c * b) @ a @ b
y.sum().backward()
print(y)
print(a.grad)
print(b.grad)
print(c.grad)
print(b.grad.tolist())
x = torch.tensor([[0.3, -1.7, 2.9], [1.1, 0.45, -0.8]], requires_grad=True)
d = torch.tensor([1.3, -0.7, 2.2], requires_grad=True)
q = x / d
q.backward(torch.tensor([[0.9, -1.4, 0.35], [2.5, 0.6, -1.1]]))
print(d.grad.tolist())
print(x.grad.tolist())
