# dir() of instances, classes, built-in values, sets, generators, modules and the module scope.
class Base:
    kind = "base"
    def hello(self):
        return "hi"

class Point(Base):
    def __init__(self, x, y):
        self.x = x
        self.y = y
    def norm(self):
        return (self.x ** 2 + self.y ** 2) ** 0.5

p = Point(3, 4)
print(dir(p))
print(dir(Point))
print([n for n in dir(p) if not n.startswith("_")])
print(dir([])[-11:])
print(dir({})[-11:])
print(dir("")[-5:], len(dir("")))
print(dir(1)[-8:], dir(2.5)[-6:])
print(dir(None))
print([n for n in dir(set()) if not n.startswith("__")])
print([n for n in dir(frozenset()) if not n.startswith("__")])
def gen():
    yield 1
print([n for n in dir(gen()) if not n.startswith("__")])
import math
print(dir(math)[:8], len(dir(math)))
x_global = 1
def f(a, b=2):
    c = a + b
    return dir()
print(f(1))
print([n for n in dir() if not n.startswith("__")])
print("norm" in dir(p), "x" in dir(Point))
