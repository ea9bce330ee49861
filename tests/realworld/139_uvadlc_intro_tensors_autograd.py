# source: phlippe/uvadlc_notebooks:docs/tutorial_notebooks/tutorial2/Introduction_to_PyTorch.ipynb
# edits: code cells 1-27 joined: the torch.__version__ print, the print of the uninitialised torch.Tensor(2, 3, 4) and the NumPy cells (7, 8) dropped; print(...) around each cell's displayed value
import torch

# [cell 2]
print(torch.manual_seed(42)) # Setting the seed

# [cell 3]
x = torch.Tensor(2, 3, 4)

# [cell 4]
# Create a tensor from a (nested) list
x = torch.Tensor([[1, 2], [3, 4]])
print(x)

# [cell 5]
# Create a tensor with random values between 0 and 1 with the shape [2, 3, 4]
x = torch.rand(2, 3, 4)
print(x)

# [cell 6]
shape = x.shape
print("Shape:", x.shape)

size = x.size()
print("Size:", size)

dim1, dim2, dim3 = x.size()
print("Size:", dim1, dim2, dim3)

# [cell 9]
x1 = torch.rand(2, 3)
x2 = torch.rand(2, 3)
y = x1 + x2

print("X1", x1)
print("X2", x2)
print("Y", y)

# [cell 10]
x1 = torch.rand(2, 3)
x2 = torch.rand(2, 3)
print("X1 (before)", x1)
print("X2 (before)", x2)

x2.add_(x1)
print("X1 (after)", x1)
print("X2 (after)", x2)

# [cell 11]
x = torch.arange(6)
print("X", x)

# [cell 12]
x = x.view(2, 3)
print("X", x)

# [cell 13]
x = x.permute(1, 0) # Swapping dimension 0 and 1
print("X", x)

# [cell 14]
x = torch.arange(6)
x = x.view(2, 3)
print("X", x)

# [cell 15]
W = torch.arange(9).view(3, 3) # We can also stack multiple operations in a single line
print("W", W)

# [cell 16]
h = torch.matmul(x, W) # Verify the result by calculating it by hand too!
print("h", h)

# [cell 17]
x = torch.arange(12).view(3, 4)
print("X", x)

# [cell 18]
print(x[:, 1])   # Second column

# [cell 19]
print(x[0])      # First row

# [cell 20]
print(x[:2, -1]) # First two rows, last column

# [cell 21]
print(x[1:3, :]) # Middle two rows

# [cell 22]
x = torch.ones((3,))
print(x.requires_grad)

# [cell 23]
x.requires_grad_(True)
print(x.requires_grad)

# [cell 24]
x = torch.arange(3, dtype=torch.float32, requires_grad=True) # Only float tensors can have gradients
print("X", x)

# [cell 25]
a = x + 2
b = a ** 2
c = b + 3
y = c.mean()
print("Y", y)

# [cell 26]
y.backward()

# [cell 27]
print(x.grad)

