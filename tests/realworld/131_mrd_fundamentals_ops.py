# source: mrdbourke/pytorch-deep-learning:00_pytorch_fundamentals.ipynb
# edits: code cells 22-36 joined, the two %%time cells (34, 35) dropped (timing output); print(...) around each cell's displayed value; it ends, as the notebook does, with the matmul whose shapes do not match (PyTorch raises)
import torch

# [cell 22]
# Create a tensor of values and add a number to it
tensor = torch.tensor([1, 2, 3])
print(tensor + 10)

# [cell 23]
# Multiply it by 10
print(tensor * 10)

# [cell 24]
# Tensors don't change unless reassigned
print(tensor)

# [cell 25]
# Subtract and reassign
tensor = tensor - 10
print(tensor)

# [cell 26]
# Add and reassign
tensor = tensor + 10
print(tensor)

# [cell 27]
# Can also use torch functions
print(torch.multiply(tensor, 10))

# [cell 28]
# Original tensor is still unchanged 
print(tensor)

# [cell 29]
# Element-wise multiplication (each element multiplies its equivalent, index 0->0, 1->1, 2->2)
print(tensor, "*", tensor)
print("Equals:", tensor * tensor)

# [cell 30]
import torch
tensor = torch.tensor([1, 2, 3])
print(tensor.shape)

# [cell 31]
# Element-wise matrix multiplication
print(tensor * tensor)

# [cell 32]
# Matrix multiplication
print(torch.matmul(tensor, tensor))

# [cell 33]
# Can also use the "@" symbol for matrix multiplication, though not recommended
print(tensor @ tensor)

# [cell 36]
# Shapes need to be in the right way  
tensor_A = torch.tensor([[1, 2],
                         [3, 4],
                         [5, 6]], dtype=torch.float32)

tensor_B = torch.tensor([[7, 10],
                         [8, 11], 
                         [9, 12]], dtype=torch.float32)

print(torch.matmul(tensor_A, tensor_B)) # (this will error)

