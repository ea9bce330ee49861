# enumerate/map/filter over generators are lazy (infinite generators work); f(*generator).
import itertools
def naturals():
    n = 0
    while True:
        yield n
        n += 1
for i, x in enumerate(naturals(), 1):
    if i > 3:
        break
    print(i, x)
m = map(lambda v: v * v, naturals())
print(next(m), next(m), next(m), type(m).__name__)
f = filter(lambda v: v % 3 == 0, naturals())
print([next(f) for _ in range(4)])
print(list(enumerate(x for x in "ab")), list(map(str, (i for i in range(3)))), list(filter(None, (i % 2 for i in range(5)))))
print(*(x * 2 for x in range(3)), *{7})
e = enumerate(naturals())
print(next(e), (5, 5) in e)
