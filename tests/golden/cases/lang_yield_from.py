# yield from: delegation, return values (StopIteration.value) and nesting.
def inner(n):
    for i in range(n):
        yield i
    return n * 10

def outer():
    r = yield from inner(3)
    print("inner returned", r)
    r2 = yield from inner(0)
    print("empty inner returned", r2)
    yield from [100, 200]
    yield from "ab"
    yield from (x * x for x in range(3))
    return "outer done"

print(list(outer()))

g = outer()
while True:
    try:
        v = next(g)
    except StopIteration as e:
        print("stopped with", e.value, e.args)
        break
    print("got", v)

def chain(*iterables):
    for it in iterables:
        yield from it

print(list(chain([1, 2], (3,), range(4, 6), {7: "a"})))

def flatten(x):
    if isinstance(x, list):
        for y in x:
            yield from flatten(y)
    else:
        yield x

print(list(flatten([1, [2, [3, [4, [5]]]], 6])))

def gen_return():
    yield 1
    return [1, 2]

g = gen_return()
next(g)
try:
    next(g)
except StopIteration as e:
    print(type(e).__name__, e.value, e)

def no_return():
    yield 1

g = no_return()
next(g)
try:
    next(g)
except StopIteration as e:
    print(repr(e.value), e.args)
print(next(g, "default"))
