# The walrus operator := in if/while/comprehensions, with CPython's scoping.
data = [3, 8, 1, 9, 4]
if (n := len(data)) > 3:
    print("long list", n)
print(n)

items = iter(["a", "b", "", "c"])
while (line := next(items)):
    print("line", line)

values = [y for x in data if (y := x * 2) > 6]
print(values, y)

def f(xs):
    total = [t := 0] and 0
    running = [(t := t + x) for x in xs]
    return running, t

print(f([1, 2, 3, 4]))

def g():
    if any((hit := w).startswith("b") for w in ["apple", "banana", "cherry"]):
        return hit
    return None

print(g())
print([(last := i) for i in range(3)], last)
print((z := 5) + z, z)
print(max(v for v in range(10) if (sq := v * v) < 50), sq)

def counter():
    count = 0
    def bump():
        nonlocal count
        return (count := count + 1)
    return bump

b = counter()
print(b(), b(), b())
print(f"{(w := 10)} and {w * 2}")
