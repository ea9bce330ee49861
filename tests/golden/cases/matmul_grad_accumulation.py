import torch

# A tensor used three or more times in batched matmuls: its gradient is the sum of the
# contributions in the order the backward pass produces them, which follows the order the
# graph's nodes were made in (a's expand/reshape before b's in each matmul).
torch.manual_seed(0)
torch.set_printoptions(precision=8)
x = torch.randn(2, 4, 4, requires_grad=True)
b = torch.randn(2, 4, 4, requires_grad=True)
g = torch.randn(2, 4, 4)
for name, f in [("x @ x @ x + b", lambda: x @ x @ x + b),
                ("(x @ x) @ (x @ b)", lambda: (x @ x) @ (x @ b)),
                ("x @ ((x @ x) @ (x @ x))", lambda: x @ ((x @ x) @ (x @ x))),
                ("broadcast", lambda: x @ (x[0] @ b[1]) @ x)]:
    x.grad = None
    b.grad = None
    f().backward(g)
    print(name)
    print(x.grad)
    print(repr([v for v in x.grad.flatten()[:6].tolist()]))
