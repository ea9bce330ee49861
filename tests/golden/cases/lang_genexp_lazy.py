# Generator expressions are lazy: infinite sources, side effects in order, single use.
import itertools

squares = (n * n for n in itertools.count())
print(next(squares), next(squares), next(squares))
print(str(squares).startswith("<generator object <genexpr> at 0x"))
for s in squares:
    if s > 50:
        break
    print("square", s)

evens = (x for x in itertools.count() if x % 2 == 0)
print([next(evens) for _ in range(5)])

def noisy(n):
    for i in range(n):
        print("producing", i)
        yield i

g = (x * 10 for x in noisy(3))
print("created")
print(next(g))
print(list(g))
print(list(g))

print(sum(x * x for x in range(4)), max(len(w) for w in ["a", "abc", "ab"]))
print(any(x > 2 for x in itertools.count()), all(x < 3 for x in itertools.count()))
pairs = ((i, j) for i in range(3) for j in range(i))
print(list(pairs))
print(list(zip(range(3), (c for c in itertools.count(10)))))

def f():
    k = 2
    return (k * x for x in range(3))

gen = f()
print(str(gen).startswith("<generator object f.<locals>.<genexpr> at 0x"), list(gen))
try:
    g = (x for x in 5)
except TypeError as e:
    print("TypeError:", e)
