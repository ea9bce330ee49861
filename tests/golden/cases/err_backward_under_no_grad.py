import torch
w = torch.tensor(2.0, requires_grad=True)
with torch.no_grad():
    loss = w * w
print(loss)
loss.backward()
