# try/except/else/finally around yields, break/continue/return through finally blocks.
def safe_div(pairs):
    for a, b in pairs:
        try:
            yield a / b
        except ZeroDivisionError as e:
            print("skipped:", e)
        else:
            print("ok", a, b)
        finally:
            print("finally", a, b)

print(list(safe_div([(1, 2), (3, 0), (4, 4)])))

def stopper():
    i = 0
    while True:
        try:
            if i == 3:
                return "three"
            yield i
        finally:
            print("cleanup", i)
            i += 1

g = stopper()
print(list(g))

def breaker():
    for i in range(10):
        try:
            if i == 2:
                break
            if i == 0:
                continue
            yield i
        finally:
            print("leaving", i)
    yield "after"

print(list(breaker()))

def nested():
    try:
        try:
            yield 1
            raise KeyError("k")
        except ValueError:
            print("not here")
        finally:
            print("inner finally")
    except KeyError as e:
        print("outer caught", repr(e))
    yield 3

print(list(nested()))

def raises_later():
    yield 1
    raise ValueError("boom")

g = raises_later()
print(next(g))
try:
    next(g)
except ValueError as e:
    print("caught", e)
print(next(g, "exhausted"))

def catches_inner():
    def inner():
        yield 1
        raise RuntimeError("inner failed")
    try:
        yield from inner()
    except RuntimeError as e:
        print("delegation failed:", e)
    yield "recovered"

print(list(catches_inner()))

def gen_stop():
    yield 1
    raise StopIteration("manual")

try:
    list(gen_stop())
except RuntimeError as e:
    print(type(e).__name__, e)
