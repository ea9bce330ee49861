# math: the functions tutorials reach for beyond the basics; @torch.no_grad() as a decorator
import math
import torch
print(math.acosh(2), math.asinh(1), math.atanh(0.5), math.erfc(0.5), math.exp2(10), math.expm1(1e-10))
print(math.fmod(7, 3), math.fmod(-7, 3), math.remainder(7, 3), math.ldexp(0.5, 3))
print(math.frexp(8.0), math.modf(3.75), math.modf(-2.5), math.isqrt(17), math.comb(5, 2), math.perm(5, 2), math.perm(4))
print(math.lcm(4, 6), math.lcm(), math.dist((0, 0), (3, 4)), math.ulp(1.0), math.nextafter(1.0, 2.0) > 1.0)
for bad in [lambda: math.acosh(0), lambda: math.isqrt(-1), lambda: math.fmod(1, 0)]:
    try:
        bad()
    except ValueError as e:
        print("ValueError:", e)
w = torch.tensor([1.0, 2.0], requires_grad=True)


@torch.no_grad()
def evaluate(x):
    return (w * x).sum()


y = evaluate(torch.tensor([3.0, 4.0]))
print(y, y.requires_grad, torch.is_grad_enabled())
