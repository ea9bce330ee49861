import torch
x = torch.tensor([1.0, 2.0], requires_grad=True)
loss = (torch.sigmoid(x) * x).sum()
loss.backward()
print(x.grad)
loss.backward()
