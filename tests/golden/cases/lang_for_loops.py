import torch
for i in range(3):
    print("range", i)
for word in ["alpha", "beta"]:
    print("list", word)
for item in (1.5, "two", None):
    print("tuple", item)
for t in torch.tensor([1.0, 2.5, -3.0]):
    print("tensor", t)
for row in torch.tensor([[1, 2], [3, 4]]):
    print("row", row)
for i, ch in enumerate(["a", "b", "c"]):
    print("enumerate", i, ch)
for a, b in zip([1, 2, 3], ["x", "y", "z"]):
    print("zip", a, b)
total = 0
for i in range(1, 5):
    for j in range(i):
        total += j
print(total)
for k in []:
    print("never")
print("done")
