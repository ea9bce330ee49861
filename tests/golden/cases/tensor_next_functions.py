# next_functions lists a Python number operand (x * 3, x + 3, x / 3) as (None, 0), as PyTorch wraps
# it in a tensor that needs no grad; a tensor that needs no grad is (None, 0) too.
import torch
x = torch.tensor([1.0, 2.0], requires_grad=True)
y = x * 3
print('x * 3', len(y.grad_fn.next_functions), [i for f, i in y.grad_fn.next_functions], [f is None for f, i in y.grad_fn.next_functions])
y = 3 * x
print('3 * x', len(y.grad_fn.next_functions), [i for f, i in y.grad_fn.next_functions], [f is None for f, i in y.grad_fn.next_functions])
y = x + 3
print('x + 3', len(y.grad_fn.next_functions), [i for f, i in y.grad_fn.next_functions], [f is None for f, i in y.grad_fn.next_functions])
y = x - 3
print('x - 3', len(y.grad_fn.next_functions), [i for f, i in y.grad_fn.next_functions], [f is None for f, i in y.grad_fn.next_functions])
y = 3 - x
print('3 - x', len(y.grad_fn.next_functions), [i for f, i in y.grad_fn.next_functions], [f is None for f, i in y.grad_fn.next_functions])
y = x / 3
print('x / 3', len(y.grad_fn.next_functions), [i for f, i in y.grad_fn.next_functions], [f is None for f, i in y.grad_fn.next_functions])
y = 3 / x
print('3 / x', len(y.grad_fn.next_functions), [i for f, i in y.grad_fn.next_functions], [f is None for f, i in y.grad_fn.next_functions])
y = x ** 2
print('x ** 2', len(y.grad_fn.next_functions), [i for f, i in y.grad_fn.next_functions], [f is None for f, i in y.grad_fn.next_functions])
y = 2 ** x
print('2 ** x', len(y.grad_fn.next_functions), [i for f, i in y.grad_fn.next_functions], [f is None for f, i in y.grad_fn.next_functions])
y = x * torch.tensor(3.0)
print('x * torch.tensor(3.0)', len(y.grad_fn.next_functions), [i for f, i in y.grad_fn.next_functions], [f is None for f, i in y.grad_fn.next_functions])
y = x.mul(3)
print('x.mul(3)', len(y.grad_fn.next_functions), [i for f, i in y.grad_fn.next_functions], [f is None for f, i in y.grad_fn.next_functions])
y = x.add(3)
print('x.add(3)', len(y.grad_fn.next_functions), [i for f, i in y.grad_fn.next_functions], [f is None for f, i in y.grad_fn.next_functions])
y = torch.add(x, 3)
print('torch.add(x, 3)', len(y.grad_fn.next_functions), [i for f, i in y.grad_fn.next_functions], [f is None for f, i in y.grad_fn.next_functions])
y = x.clamp(0, 1)
print('x.clamp(0, 1)', len(y.grad_fn.next_functions), [i for f, i in y.grad_fn.next_functions], [f is None for f, i in y.grad_fn.next_functions])
y = x.sum()
print('x.sum()', len(y.grad_fn.next_functions), [i for f, i in y.grad_fn.next_functions], [f is None for f, i in y.grad_fn.next_functions])
y = -x
print('-x', len(y.grad_fn.next_functions), [i for f, i in y.grad_fn.next_functions], [f is None for f, i in y.grad_fn.next_functions])
y = x.exp()
print('x.exp()', len(y.grad_fn.next_functions), [i for f, i in y.grad_fn.next_functions], [f is None for f, i in y.grad_fn.next_functions])
y = x @ x
print('x @ x', len(y.grad_fn.next_functions), [i for f, i in y.grad_fn.next_functions], [f is None for f, i in y.grad_fn.next_functions])
y = torch.maximum(x, torch.zeros(2))
print('torch.maximum(x, torch.zeros(2))', len(y.grad_fn.next_functions), [i for f, i in y.grad_fn.next_functions], [f is None for f, i in y.grad_fn.next_functions])
y = x[0]
print('x[0]', len(y.grad_fn.next_functions), [i for f, i in y.grad_fn.next_functions], [f is None for f, i in y.grad_fn.next_functions])
y = x * torch.ones(2)
print('x * torch.ones(2)', len(y.grad_fn.next_functions), [i for f, i in y.grad_fn.next_functions], [f is None for f, i in y.grad_fn.next_functions])
y = x + torch.ones(2)
print('x + torch.ones(2)', len(y.grad_fn.next_functions), [i for f, i in y.grad_fn.next_functions], [f is None for f, i in y.grad_fn.next_functions])
y = torch.ones(2) - x
print('torch.ones(2) - x', len(y.grad_fn.next_functions), [i for f, i in y.grad_fn.next_functions], [f is None for f, i in y.grad_fn.next_functions])
