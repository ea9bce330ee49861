# source: pytorch/pytorch:torch/nn/modules/loss.py
# edits: the docstring examples of nn.CrossEntropyLoss (class indices and class probabilities), nn.NLLLoss, nn.BCEWithLogitsLoss and nn.MSELoss as one script; added torch.manual_seed(0) and print(...) of each output and input.grad
import torch
from torch import nn

torch.manual_seed(0)

# nn.CrossEntropyLoss
# Example of target with class indices
loss = nn.CrossEntropyLoss()
input = torch.randn(3, 5, requires_grad=True)
target = torch.empty(3, dtype=torch.long).random_(5)
output = loss(input, target)
output.backward()
print(output)
print(input.grad)

# Example of target with class probabilities
input = torch.randn(3, 5, requires_grad=True)
target = torch.randn(3, 5).softmax(dim=1)
output = loss(input, target)
output.backward()
print(output)
print(input.grad)

# nn.NLLLoss
m = nn.LogSoftmax(dim=1)
loss = nn.NLLLoss()
# input is of size N x C = 3 x 5
input = torch.randn(3, 5, requires_grad=True)
# each element in target has to have 0 <= value < C
target = torch.tensor([1, 0, 4])
output = loss(m(input), target)
output.backward()
print(output)
print(input.grad)

# nn.BCEWithLogitsLoss
loss = nn.BCEWithLogitsLoss()
input = torch.randn(3, requires_grad=True)
target = torch.empty(3).random_(2)
output = loss(input, target)
output.backward()
print(output)
print(input.grad)

# nn.MSELoss
loss = nn.MSELoss()
input = torch.randn(3, 5, requires_grad=True)
target = torch.randn(3, 5)
output = loss(input, target)
output.backward()
print(output)
print(input.grad)
