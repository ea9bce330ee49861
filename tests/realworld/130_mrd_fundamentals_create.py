# source: mrdbourke/pytorch-deep-learning:00_pytorch_fundamentals.ipynb
# edits: code cells 1-21 joined (the torch.__version__ print of cell 0 dropped, it names the build); print(...) around each cell's displayed value; added torch.manual_seed(0)
import torch
torch.manual_seed(0)

# [cell 1]
# Scalar
scalar = torch.tensor(7)
print(scalar)

# [cell 2]
print(scalar.ndim)

# [cell 3]
# Get the Python number within a tensor (only works with one-element tensors)
print(scalar.item())

# [cell 4]
# Vector
vector = torch.tensor([7, 7])
print(vector)

# [cell 5]
# Check the number of dimensions of vector
print(vector.ndim)

# [cell 6]
# Check shape of vector
print(vector.shape)

# [cell 7]
# Matrix
MATRIX = torch.tensor([[7, 8], 
                       [9, 10]])
print(MATRIX)

# [cell 8]
# Check number of dimensions
print(MATRIX.ndim)

# [cell 9]
print(MATRIX.shape)

# [cell 10]
# Tensor
TENSOR = torch.tensor([[[1, 2, 3],
                        [3, 6, 9],
                        [2, 4, 5]]])
print(TENSOR)

# [cell 11]
# Check number of dimensions for TENSOR
print(TENSOR.ndim)

# [cell 12]
# Check shape of TENSOR
print(TENSOR.shape)

# [cell 13]
# Create a random tensor of size (3, 4)
random_tensor = torch.rand(size=(3, 4))
print(random_tensor, random_tensor.dtype)

# [cell 14]
# Create a random tensor of size (224, 224, 3)
random_image_size_tensor = torch.rand(size=(224, 224, 3))
print(random_image_size_tensor.shape, random_image_size_tensor.ndim)

# [cell 15]
# Create a tensor of all zeros
zeros = torch.zeros(size=(3, 4))
print(zeros, zeros.dtype)

# [cell 16]
# Create a tensor of all ones
ones = torch.ones(size=(3, 4))
print(ones, ones.dtype)

# [cell 17]
# Use torch.arange(), torch.range() is deprecated 
zero_to_ten_deprecated = torch.range(0, 10) # Note: this may return an error in the future

# Create a range of values 0 to 10
zero_to_ten = torch.arange(start=0, end=10, step=1)
print(zero_to_ten)

# [cell 18]
# Can also create a tensor of zeros similar to another tensor
ten_zeros = torch.zeros_like(input=zero_to_ten) # will have same shape
print(ten_zeros)

# [cell 19]
# Default datatype for tensors is float32
float_32_tensor = torch.tensor([3.0, 6.0, 9.0],
                               dtype=None, # defaults to None, which is torch.float32 or whatever datatype is passed
                               device=None, # defaults to None, which uses the default tensor type
                               requires_grad=False) # if True, operations performed on the tensor are recorded 

print(float_32_tensor.shape, float_32_tensor.dtype, float_32_tensor.device)

# [cell 20]
float_16_tensor = torch.tensor([3.0, 6.0, 9.0],
                               dtype=torch.float16) # torch.half would also work

print(float_16_tensor.dtype)

# [cell 21]
# Create a tensor
some_tensor = torch.rand(3, 4)

# Find out details about it
print(some_tensor)
print(f"Shape of tensor: {some_tensor.shape}")
print(f"Datatype of tensor: {some_tensor.dtype}")
print(f"Device tensor is stored on: {some_tensor.device}") # will default to CPU

