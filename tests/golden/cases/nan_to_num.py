# torch.nan_to_num / Tensor.nan_to_num(_): NaN, +inf, -inf replaced (defaults 0 and the dtype's
# largest and lowest finite values, replacements cast to the dtype); NanToNumBackward0 passes the
# gradient where the input was finite and multiplies it by 0 elsewhere (-0 for a negative one).
import torch
x = torch.tensor([float('nan'), float('inf'), -float('inf'), 1.0, -2.5], requires_grad=True)
for kwargs in [{}, {'nan': 2.0}, {'nan': 2.0, 'posinf': 1e40, 'neginf': -3}, {'posinf': 5.0}, {'nan': None, 'neginf': 7}]:
    y = torch.nan_to_num(x, **kwargs)
    print(kwargs, y, y.grad_fn.name())
    y.backward(torch.tensor([-1.0, -2.0, 3.0, 4.0, -5.0]))
    print(x.grad)
    x.grad = None
print(x.nan_to_num(1.5), x.nan_to_num(0.0, 1.0, -1.0))
d = torch.tensor([float('nan'), float('inf'), -float('inf'), 0.5], dtype=torch.float64)
print(torch.nan_to_num(d), torch.nan_to_num(d, posinf=1e300).tolist())
print(torch.nan_to_num(torch.tensor([1, 2, -3])), torch.nan_to_num(torch.tensor([True, False])))
z = torch.tensor([[1.0, float('nan')], [float('-inf'), 4.0]])
z.nan_to_num_(neginf=-9.0)
print(z)
w = torch.tensor([0.0, float('inf')], requires_grad=True)
out = (w * 2).nan_to_num()
print(out, out.grad_fn.name())
out.sum().backward()
print(w.grad)
