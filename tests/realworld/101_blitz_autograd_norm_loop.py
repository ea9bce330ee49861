# source: pytorch/tutorials:beginner_source/blitz/autograd_tutorial.py
# edits: the second half of the (2018-2020) tutorial, from "You can do many crazy things with autograd"; added torch.manual_seed(0)
import torch
torch.manual_seed(0)

x = torch.randn(3, requires_grad=True)

y = x * 2
while y.data.norm() < 1000:
    y = y * 2

print(y)

###############################################################
#
gradients = torch.tensor([0.1, 1.0, 0.0001], dtype=torch.float)
y.backward(gradients)

print(x.grad)

###############################################################
# You can also stops autograd from tracking history on Tensors
# with requires_grad=True by wrapping the code block in
# ``with torch.no_grad():``
print(x.requires_grad)
print((x ** 2).requires_grad)

with torch.no_grad():
	print((x ** 2).requires_grad)
