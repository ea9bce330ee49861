# Generator functions: next(), for loops, list(), exhaustion and the generator object itself.
def count_up(n):
    i = 0
    while i < n:
        yield i
        i += 1

g = count_up(3)
print(type(g), type(g).__name__)
print(str(g).startswith("<generator object count_up at 0x"))
print(iter(g) is g)
print(next(g), next(g), next(g))
print(next(g, "done"))
print(list(g))
print(list(count_up(5)), sum(count_up(5)), sorted(count_up(4), reverse=True))
for x in count_up(2):
    print("for", x)
print(max(count_up(7)), min(count_up(7)), 3 in count_up(5), 9 in count_up(5))
print(dict(zip("abc", count_up(10))))
print(tuple(count_up(3)), set(count_up(3)))
a, b, c = count_up(3)
print(a, b, c)
first, *rest = count_up(4)
print(first, rest)

def fib():
    a, b = 0, 1
    while True:
        yield a
        a, b = b, a + b

out = []
for v in fib():
    if v > 100:
        break
    out.append(v)
print(out)
f = fib()
print([next(f) for _ in range(10)])

def evens(xs):
    for x in xs:
        if x % 2:
            continue
        yield x
    else:
        yield "end"

print(list(evens(range(7))))

class Tree:
    def __init__(self, value, children=()):
        self.value = value
        self.children = list(children)
    def walk(self):
        yield self.value
        for c in self.children:
            yield from c.walk()

t = Tree(1, [Tree(2, [Tree(3)]), Tree(4)])
print(list(t.walk()))

def make_counter(step):
    def gen(n):
        for i in range(n):
            yield i * step
    return gen

print(list(make_counter(3)(4)))
print(make_counter(3)(1).__class__.__name__)

def empty():
    return
    yield

print(list(empty()))

def lines():
    x = yield 1
    print("x is", x)
    y = z = yield 2
    print("y, z:", y, z)

print(list(lines()))
