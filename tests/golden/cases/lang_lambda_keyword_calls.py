import torch
sq = lambda x: x * x
add = lambda a, b=10: a + b
print(sq(4), sq(1.5), add(1), add(1, 2), add(b=3, a=4))
apply = lambda f, v: f(v)
print(apply(sq, 3))
print((lambda: "no args")())
t = torch.tensor([1.0, -2.0], requires_grad=True)
print(torch.zeros(2, dtype=torch.float64))
print(t.sum(dim=0), t.mean(dim=0, keepdim=True))
print("a", "b", sep="-", end="!\n")
def f(a, b, c=3):
    return a * 100 + b * 10 + c
print(f(1, 2), f(1, c=9, b=5), f(c=1, b=2, a=3))
