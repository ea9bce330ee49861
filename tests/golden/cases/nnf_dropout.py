# F.dropout on the CPU: input * bernoulli_(1 - p) / (1 - p) (MulBackward0), the input itself
# when p == 0 or not training.
import torch
import torch.nn.functional as F
torch.manual_seed(0)
x = torch.randn(4, 10, requires_grad=True)
y = F.dropout(x, 0.5)
print(y)
print([None if f is None else f.name().replace('torch::autograd::', '') for f, _ in y.grad_fn.next_functions])
y.sum().backward()
print(x.grad)
print(F.dropout(x, 0.2, training=True).tolist()[0])
print(F.dropout(x, p=0.3).tolist()[1])
print(F.dropout(x, 0.5, training=False) is x, F.dropout(x, 0.0) is x)
z = F.dropout(x, 1.0)
print(z.grad_fn.name(), z)
xd = torch.randn(3, 5, dtype=torch.float64)
print(F.dropout(xd, 0.4))
print(torch.dropout(x, 0.5, True).tolist()[2], torch.dropout(x, 0.5, False) is x)
print(torch.rand(2))
