import torch
a = torch.tensor(1.5)
b = torch.tensor([1.0, 2.0], requires_grad=True)
print([a, b])
print((a, torch.tensor([3, 4])))
print({"w": b, "n": 2})
print(str(a), str(b * 2))
print(f"a = {a}, b = {b}")
print(f"{a.item():.2f} {b.sum().item():+.1f}")
params = [b, torch.tensor([[1.0], [2.0]])]
for p in params:
    print(p.shape, p.requires_grad)
print(len(params), params[0] is b, params[-1][1])
print([torch.tensor([[1.0, 2.0], [3.0, 4.0]])])
