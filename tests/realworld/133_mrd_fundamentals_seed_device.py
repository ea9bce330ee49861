# source: mrdbourke/pytorch-deep-learning:00_pytorch_fundamentals.ipynb
# edits: code cells 67-68 and 70-76 joined (the !nvidia-smi cell and the .numpy() cells dropped); print(...) around each cell's displayed value; added torch.manual_seed(0)
import torch
torch.manual_seed(0)

# [cell 67]
import torch

# Create two random tensors
random_tensor_A = torch.rand(3, 4)
random_tensor_B = torch.rand(3, 4)

print(f"Tensor A:\n{random_tensor_A}\n")
print(f"Tensor B:\n{random_tensor_B}\n")
print(f"Does Tensor A equal Tensor B? (anywhere)")
print(random_tensor_A == random_tensor_B)

# [cell 68]
import torch
import random

# # Set the random seed
RANDOM_SEED=42 # try changing this to different values and see what happens to the numbers below
torch.manual_seed(seed=RANDOM_SEED) 
random_tensor_C = torch.rand(3, 4)

# Have to reset the seed every time a new rand() is called 
# Without this, tensor_D would be different to tensor_C 
torch.random.manual_seed(seed=RANDOM_SEED) # try commenting this line out and seeing what happens
random_tensor_D = torch.rand(3, 4)

print(f"Tensor C:\n{random_tensor_C}\n")
print(f"Tensor D:\n{random_tensor_D}\n")
print(f"Does Tensor C equal Tensor D? (anywhere)")
print(random_tensor_C == random_tensor_D)

# [cell 70]
# Check for GPU
import torch
print(torch.cuda.is_available())

# [cell 71]
# Set device type
device = "cuda" if torch.cuda.is_available() else "cpu"
print(device)

# [cell 72]
# Count number of devices
print(torch.cuda.device_count())

# [cell 73]
# Check for Apple Silicon GPU
import torch
print(torch.backends.mps.is_available()) # Note this will print false if you're not running on a Mac

# [cell 74]
# Set device type
device = "mps" if torch.backends.mps.is_available() else "cpu"
print(device)

# [cell 75]
if torch.cuda.is_available():
    device = "cuda" # Use NVIDIA GPU (if available)
elif torch.backends.mps.is_available():
    device = "mps" # Use Apple Silicon GPU (if available)
else:
    device = "cpu" # Default to CPU if no GPU is available

# [cell 76]
# Create tensor (default on CPU)
tensor = torch.tensor([1, 2, 3])

# Tensor not on GPU
print(tensor, tensor.device)

# Move tensor to GPU (if available)
tensor_on_gpu = tensor.to(device)
print(tensor_on_gpu)

