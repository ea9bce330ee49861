# torch.finfo and torch.iinfo: every attribute and the reprs.
import torch

for d in [torch.float16, torch.bfloat16, torch.float32, torch.float64]:
    f = torch.finfo(d)
    print(f)
    print(f.bits, f.eps, f.max, f.min, f.tiny, f.smallest_normal, f.resolution, f.dtype)
print(torch.finfo())
print(torch.finfo(torch.float32).eps == torch.finfo().eps)
for d in [torch.uint8, torch.int8, torch.int16, torch.int32, torch.int64]:
    i = torch.iinfo(d)
    print(i, i.bits, i.min, i.max, i.dtype)
print(torch.iinfo(torch.int).max + 1, torch.iinfo(torch.uint8).max)
for bad in [lambda: torch.finfo(torch.int32), lambda: torch.iinfo(torch.float32), lambda: torch.iinfo(torch.bool)]:
    try:
        bad()
    except TypeError as e:
        print('TypeError:', e)
