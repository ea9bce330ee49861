# Generator expressions: the first iterable is evaluated at once, the rest on demand, with closures.
def make(n):
    return (i * n for i in range(3))

g1, g2 = make(2), make(10)
print(list(g2), list(g1))
xs = [1, 2, 3]
g = (x + 1 for x in xs)
xs = [100]
print(list(g))
ys = [1, 2]
g = (x for x in ys)
ys.append(3)
print(list(g))
factor = 2
g = (x * factor for x in range(3))
factor = 5
print(list(g))
nested = ((x, y) for x in range(2) for y in range(x, 3))
print(list(nested))
print(sorted((c for c in "zebra"), reverse=True), "".join(c.upper() for c in "abc"))
print(dict((k, k * k) for k in range(4)), set(x % 2 for x in range(9)))
total = 0
for v in (a * b for a, b in zip([1, 2, 3], [4, 5, 6])):
    total += v
print(total)
it = (n for n in range(5))
print(next(it), list(it), next(it, "empty"))
