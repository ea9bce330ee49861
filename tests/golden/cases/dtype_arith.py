# Integer wrap-around, division and remainder, casts, and float16/bfloat16 arithmetic rounding.
import torch

i8 = torch.tensor([127, -128, 100, -100], dtype=torch.int8)
print(i8 + 1, i8 - 1, i8 * 2, -i8, i8 * i8, i8 + i8, abs(i8))
u8 = torch.tensor([0, 255, 128, 7], dtype=torch.uint8)
print(u8 - 1, u8 + 1, u8 * 3, u8 // 2, u8 % 5, u8 + 250)
i16 = torch.tensor([32767, -32768, 300], dtype=torch.int16)
print(i16 + 1, i16 * 300, i16 - 1)
i32 = torch.tensor([2147483647, -2147483648, 65536, 7], dtype=torch.int32)
print(i32 + 1, i32 * 65536, i32 - 1, i32 * i32, i32.sum(), i32.sum().dtype, i8.sum(), u8.sum(dim=0), i8.cumsum(0))
a = torch.tensor([7, -7, 7, -7, 0], dtype=torch.int32)
b = torch.tensor([2, 2, -2, -2, 3], dtype=torch.int32)
print(a // b, a % b, a / b, torch.floor_divide(a, b), torch.remainder(a, b))
print(a ** 2, a.pow(3), i8 ** 2, a.abs(), a.max(), a.min(), a.argmax(), a.sort(), a.clamp(-3, 3), torch.maximum(a, b))
print(a == b, a > 0, (a & 3), (a | 8), ~a, a ^ b, a.float(), a.double().mean())
f = torch.tensor([1.9, -1.9, 2.5, -2.5, 100.7, 0.4])
print(f.int(), f.short(), f.char(), f.to(torch.int8), torch.tensor([1.9, 2.5, 254.9, 0.4]).to(torch.uint8))
h = torch.tensor([0.1, 0.2, 0.3, 1000.0, 60000.0, 1e-5], dtype=torch.float16)
print(h + h, h * h, h - 0.1, h / 3, h * 3, h ** 2, h.sum(), h.mean(), h.max(), h.abs(), -h, h.sign(), h > 0.2)
print((h + h).float().tolist(), (h * 10).tolist(), h.half().tolist())
bf = torch.tensor([0.1, 0.2, 0.3, 1000.0, 3e38, 1e-5], dtype=torch.bfloat16)
print(bf + bf, bf * bf, bf - 0.1, bf / 3, bf * 3, bf.sum(), bf.mean(), bf.max(), (bf * 7).tolist())
x = torch.tensor([0.1, 0.7, -2.3, 4.9, 1e4, 3.3])
print(x.half() + x.half(), x.half() * torch.tensor(3.0), x.bfloat16() * x.bfloat16(), x.half().double(), x.bfloat16().sum())
z = torch.zeros(3, dtype=torch.int16)
z += 5
z *= 10000
print(z, z.dtype)
w = torch.ones(2, dtype=torch.float16)
w += 0.1
print(w, w.dtype)
print(u8.any(), u8.all(), torch.tensor([[1, 0], [2, 3]], dtype=torch.uint8).all(1, keepdim=True), i8.any(), i8.all())
