# Set iteration order is CPython's for ints, floats and tuples: a pseudo-random mix of adds,
# removals, pops and set operations, printed after each phase.
state = 12345
def rnd(n):
    global state
    state = (state * 1103515245 + 12345) % 2147483648
    return state % n

s = set()
for step in range(350):
    op = rnd(10)
    if op < 6:
        v = rnd(200) - 50
        if rnd(5) == 0:
            v = v * 1000003
        s.add(v)
    elif op < 8 and s:
        s.discard(rnd(200) - 50)
    elif op < 9 and s:
        s.pop()
    if step % 50 == 49:
        print(len(s), list(s))

a = {rnd(100) for _ in range(30)}
b = {rnd(100) for _ in range(30)}
print(a)
print(b)
print(a | b)
print(a & b)
print(b & a)
print(a - b)
print(a ^ b)
print(b ^ a)
print(set([rnd(1000) for _ in range(100)]))
print({1.5, 2.25, -0.5, 3.0, 1e10, -7.125})
print({(i, i * i) for i in range(12)})
print({(1, 2), (2, 1), (0, 0), (-1, 5), ("x" == "x", None is None)})
big = set(range(0, 100000, 7))
print(len(big), list(big)[:10], list(big)[-5:])
print({-1, -2, 2**61 - 1, 2**61, 2**62, -2**62, 9223372036854775807})
print(set(range(20, 0, -1)), set(range(100, 130)))
e = set(range(40))
for i in range(0, 40, 3):
    e.remove(i)
for i in range(100, 110):
    e.add(i)
print(e)
print(frozenset(range(9, -1, -1)), frozenset({7, 15, 23, 31}))
print(hash(frozenset({1, 2, 3})), hash(frozenset()), hash((1, 2)), hash(1.5), hash(-1), hash(2**61))
