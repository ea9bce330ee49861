# Classes: __init__, methods, instance and class attributes, default reprs, type(), isinstance
class Counter:
    """Counts things."""
    total = 0

    def __init__(self, start=0):
        self.value = start
        Counter.total += 1

    def increment(self, by=1):
        self.value += by
        return self

    def __repr__(self):
        return f"Counter({self.value})"


c = Counter()
c.increment().increment(5)
print(c, c.value, Counter.total)
d = Counter(10)
print(d, Counter.total, d.total, Counter.__doc__)
d.total = 99  # shadows the class attribute on the instance only
print(d.total, Counter.total, c.total)
print(type(c).__name__, type(c), type(c) is Counter)
print(isinstance(c, Counter), isinstance(c, (int, str)), isinstance(3, Counter))
print(Counter.increment.__qualname__, Counter.__name__, Counter.__qualname__, Counter.__module__)


class Plain:
    pass


p = Plain()
print(repr(p).startswith("<__main__.Plain object at 0x"), str(p) == repr(p))
p.x = 1
p.y = [1, 2]
print(p.x, p.y, sorted(vars(p).items()))
print(hasattr(p, "x"), hasattr(p, "z"), getattr(p, "z", "default"))
setattr(p, "z", 3)
delattr(p, "x")
print(hasattr(p, "x"), p.z)
del p.z
print(getattr(p, "z", None))
m = c.increment
print(m.__self__ is c, m.__func__ is Counter.increment, callable(m), callable(c))
m(2)
print(c)
print(Counter.increment(c, 100))
print(repr(m).startswith("<bound method Counter.increment of Counter("))


def make_class(tag):
    class Local:
        kind = tag

        def describe(self):
            return "local " + self.kind

    return Local


L = make_class("inner")
print(L().describe(), L.__qualname__, L)


class Node:
    def __init__(self, value, children=None):
        self.value = value
        self.children = children or []

    def total(self):
        return self.value + sum(ch.total() for ch in self.children)


tree = Node(1, [Node(2), Node(3, [Node(4)])])
print(tree.total())
try:
    p.missing_attribute
except AttributeError as e:
    print(e)
try:
    c.valeu
except AttributeError as e:
    print(e)
try:
    Plain(1)
except TypeError as e:
    print(e)
try:
    Counter(1, 2, 3)
except TypeError as e:
    print(e)
c.increment(1, 2)
