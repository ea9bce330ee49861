# source: mrdbourke/pytorch-deep-learning:00_pytorch_fundamentals.ipynb
# edits: code cells 37-62 joined, with the tensor_A/tensor_B definitions of cell 36 before them; print(...) around each cell's displayed value; added torch.manual_seed(0) (cell 41 seeds itself with 42)
import torch
torch.manual_seed(0)

tensor_A = torch.tensor([[1, 2],
                         [3, 4],
                         [5, 6]], dtype=torch.float32)

tensor_B = torch.tensor([[7, 10],
                         [8, 11], 
                         [9, 12]], dtype=torch.float32)

# [cell 37]
# View tensor_A and tensor_B
print(tensor_A)
print(tensor_B)

# [cell 38]
# View tensor_A and tensor_B.T
print(tensor_A)
print(tensor_B.T)

# [cell 39]
# The operation works when tensor_B is transposed
print(f"Original shapes: tensor_A = {tensor_A.shape}, tensor_B = {tensor_B.shape}\n")
print(f"New shapes: tensor_A = {tensor_A.shape} (same as above), tensor_B.T = {tensor_B.T.shape}\n")
print(f"Multiplying: {tensor_A.shape} * {tensor_B.T.shape} <- inner dimensions match\n")
print("Output:\n")
output = torch.matmul(tensor_A, tensor_B.T)
print(output) 
print(f"\nOutput shape: {output.shape}")

# [cell 40]
# torch.mm is a shortcut for matmul
print(torch.mm(tensor_A, tensor_B.T))

# [cell 41]
# Since the linear layer starts with a random weights matrix, let's make it reproducible (more on this later)
torch.manual_seed(42)
# This uses matrix multiplication
linear = torch.nn.Linear(in_features=2, # in_features = matches inner dimension of input 
                         out_features=6) # out_features = describes outer value 
x = tensor_A
output = linear(x)
print(f"Input shape: {x.shape}\n")
print(f"Output:\n{output}\n\nOutput shape: {output.shape}")

# [cell 42]
# Create a tensor
x = torch.arange(0, 100, 10)
print(x)

# [cell 43]
print(f"Minimum: {x.min()}")
print(f"Maximum: {x.max()}")
# print(f"Mean: {x.mean()}") # this will error
print(f"Mean: {x.type(torch.float32).mean()}") # won't work without float datatype
print(f"Sum: {x.sum()}")

# [cell 44]
print(torch.max(x), torch.min(x), torch.mean(x.type(torch.float32)), torch.sum(x))

# [cell 45]
# Create a tensor
tensor = torch.arange(10, 100, 10)
print(f"Tensor: {tensor}")

# Returns index of max and min values
print(f"Index where max value occurs: {tensor.argmax()}")
print(f"Index where min value occurs: {tensor.argmin()}")

# [cell 46]
# Create a tensor and check its datatype
tensor = torch.arange(10., 100., 10.)
print(tensor.dtype)

# [cell 47]
# Create a float16 tensor
tensor_float16 = tensor.type(torch.float16)
print(tensor_float16)

# [cell 48]
# Create an int8 tensor
tensor_int8 = tensor.type(torch.int8)
print(tensor_int8)

# [cell 49]
# Create a tensor
import torch
x = torch.arange(1., 8.)
print(x, x.shape)

# [cell 50]
# Add an extra dimension
x_reshaped = x.reshape(1, 7)
print(x_reshaped, x_reshaped.shape)

# [cell 51]
# Change view (keeps same data as original but changes view)
# See more: https://stackoverflow.com/a/54507446/7900723
z = x.view(1, 7)
print(z, z.shape)

# [cell 52]
# Changing z changes x
z[:, 0] = 5
print(z, x)

# [cell 53]
# Stack tensors on top of each other
x_stacked = torch.stack([x, x, x, x], dim=0) # try changing dim to dim=1 and see what happens
print(x_stacked)

# [cell 54]
print(f"Previous tensor: {x_reshaped}")
print(f"Previous shape: {x_reshaped.shape}")

# Remove extra dimension from x_reshaped
x_squeezed = x_reshaped.squeeze()
print(f"\nNew tensor: {x_squeezed}")
print(f"New shape: {x_squeezed.shape}")

# [cell 55]
print(f"Previous tensor: {x_squeezed}")
print(f"Previous shape: {x_squeezed.shape}")

## Add an extra dimension with unsqueeze
x_unsqueezed = x_squeezed.unsqueeze(dim=0)
print(f"\nNew tensor: {x_unsqueezed}")
print(f"New shape: {x_unsqueezed.shape}")

# [cell 56]
# Create tensor with specific shape
x_original = torch.rand(size=(224, 224, 3))

# Permute the original tensor to rearrange the axis order
x_permuted = x_original.permute(2, 0, 1) # shifts axis 0->1, 1->2, 2->0

print(f"Previous shape: {x_original.shape}")
print(f"New shape: {x_permuted.shape}")

# [cell 57]
# Create a tensor 
import torch
x = torch.arange(1, 10).reshape(1, 3, 3)
print(x, x.shape)

# [cell 58]
# Let's index bracket by bracket
print(f"First square bracket:\n{x[0]}") 
print(f"Second square bracket: {x[0][0]}") 
print(f"Third square bracket: {x[0][0][0]}")

# [cell 59]
# Get all values of 0th dimension and the 0 index of 1st dimension
print(x[:, 0])

# [cell 60]
# Get all values of 0th & 1st dimensions but only index 1 of 2nd dimension
print(x[:, :, 1])

# [cell 61]
# Get all values of the 0 dimension but only the 1 index value of the 1st and 2nd dimension
print(x[:, 1, 1])

# [cell 62]
# Get index 0 of 0th and 1st dimension and all values of 2nd dimension 
print(x[0, 0, :]) # same as x[0][0]

