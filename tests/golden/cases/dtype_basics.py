# The narrow dtypes: creation, printing, .dtype, element_size, the cast methods and .type().
import torch

dtypes = [torch.uint8, torch.int8, torch.int16, torch.int32, torch.int64, torch.float16, torch.bfloat16,
          torch.float32, torch.float64, torch.bool]
for d in dtypes:
    t = torch.tensor([[1, 2, 3], [4, 5, 0]], dtype=d)
    print(d, t.dtype, t.element_size(), t.is_floating_point(), torch.is_signed(t), t.dtype.is_floating_point)
    print(t)
    print(torch.tensor([], dtype=d), torch.zeros(0, 2, dtype=d), torch.tensor(7, dtype=d))
    print(t.type(), t[0].tolist(), t[1, 1].item())

x = torch.tensor([1.75, -2.5, 300.9, 0.0, 127.5])
print(x.int(), x.short(), x.char(), x.long(), x.double(), x.bool())
print(x.half(), x.bfloat16(), x.half().float(), x.bfloat16().double())
print(torch.tensor([1.75, 2.5, 200.9, 0.0, 127.5]).byte())
print(x.to(torch.int32), x.to(dtype=torch.int16), x.type(torch.int8), x.type(torch.IntTensor), x.type('torch.ShortTensor'))
print(x.type('torch.HalfTensor'), x.type(torch.BFloat16Tensor), x.type('torch.ByteTensor').dtype, x.type(torch.CharTensor))
print(torch.IntTensor([1, 2]), torch.ShortTensor(2).shape, torch.ByteTensor([3, 255]), torch.HalfTensor([0.1]), torch.BoolTensor([1, 0]))
print(torch.int is torch.int32, torch.short is torch.int16, torch.half is torch.float16, torch.tensor([1], dtype=torch.int32).dtype is torch.int)
print(torch.zeros(2, 3, dtype=torch.int32), torch.ones(2, dtype=torch.uint8), torch.full((2,), 7, dtype=torch.int8))
print(torch.full((3,), 0.1, dtype=torch.float16), torch.full((3,), 0.1, dtype=torch.bfloat16))
print(torch.arange(5, dtype=torch.int32), torch.arange(0, 10, 3, dtype=torch.int16), torch.arange(4, dtype=torch.float16))
print(torch.zeros_like(x, dtype=torch.int32), torch.ones_like(x.int()), torch.empty(0, dtype=torch.int8))
print(torch.tensor([True, False]).int(), torch.tensor([3, 0, -2], dtype=torch.int8).bool())
print(torch.tensor([65504.0, 65520.0, 1e-8, 6e-8, -70000.0, float('nan'), float('inf')]).half())
print(torch.tensor([3.0e38, 1.0e-40, 1.00390625, 1.01171875]).bfloat16())
print(torch.tensor([0.1, 0.2, 0.3], dtype=torch.float16) * 1000)
