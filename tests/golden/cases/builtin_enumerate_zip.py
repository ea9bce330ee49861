names = ["w", "b", "lr"]
for i, n in enumerate(names):
    print(i, n)
for i, n in enumerate(names, start=1):
    print(i, n)
for i, n in enumerate(names, 10):
    print(i, n)
print(list(enumerate("ab")))
xs = [1.0, 2.0, 3.0]
ys = [2.0, 4.0, 6.5]
for x, y in zip(xs, ys):
    print(x, y, y - 2 * x)
print(list(zip([1, 2, 3], "ab")))
print(list(zip([1, 2], [3, 4], [5, 6])))
for i, (x, y) in enumerate(zip(xs, ys)):
    print(i, x * y)
