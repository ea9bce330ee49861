# Generator objects: __name__, __qualname__, gi_running, send(None) and close().
def outer():
    def ticker(n):
        for i in range(n):
            got = yield i
            print("got", got)
        return "ticker done"
    return ticker

t = outer()(3)
print(t.__name__, t.__qualname__, t.gi_running)
print(t.send(None))
print(next(t))
print(t.send(None))
try:
    t.send(None)
except StopIteration as e:
    print("StopIteration", e.value)
g = outer()(5)
print(next(g))
g.close()
print(next(g, "closed"), list(g))
g.close()
h = (x for x in range(3))
print(h.__name__, h.__qualname__)
h.close()
print(list(h))
