import torch
print("a syntax error stops the whole script before it runs")
x = torch.tensor([1.0])
y = = x * 2
print(y)
