def inner():
    yield 1
    raise ValueError("bad value")

def outer():
    x = yield from inner()
    yield x

for v in outer():
    print(v)
