import torch
print(torch.get_default_dtype())
torch.set_default_tensor_type('torch.FloatTensor')
torch.set_default_tensor_type(torch.FloatTensor)
torch.set_default_dtype(torch.float32)
print(torch.get_default_dtype(), torch.tensor([1.5]).dtype)
for bad in [lambda: torch.set_default_dtype(torch.int64), lambda: torch.set_default_tensor_type('torch.LongTensor'), lambda: torch.set_default_tensor_type(3)]:
    try:
        bad()
    except Exception as e:
        print(type(e).__name__, e)
