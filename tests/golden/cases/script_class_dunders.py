# Dunder methods: operators, comparisons, hashing, containers, iteration, calls, context managers
class Vec:
    def __init__(self, x, y):
        self.x, self.y = x, y

    def __repr__(self):
        return f"Vec({self.x}, {self.y})"

    def __str__(self):
        return f"<{self.x}, {self.y}>"

    def __add__(self, other):
        if not isinstance(other, Vec):
            return NotImplemented
        return Vec(self.x + other.x, self.y + other.y)

    def __sub__(self, other):
        return Vec(self.x - other.x, self.y - other.y)

    def __mul__(self, k):
        return Vec(self.x * k, self.y * k)

    __rmul__ = __mul__

    def __neg__(self):
        return Vec(-self.x, -self.y)

    def __abs__(self):
        return (self.x ** 2 + self.y ** 2) ** 0.5

    def __eq__(self, other):
        return isinstance(other, Vec) and (self.x, self.y) == (other.x, other.y)

    def __hash__(self):
        return hash((self.x, self.y))

    def __lt__(self, other):
        return abs(self) < abs(other)

    def __bool__(self):
        return bool(self.x or self.y)

    def __iter__(self):
        yield_items = [self.x, self.y]
        return iter(yield_items)


a, b = Vec(1, 2), Vec(3, 4)
print(a + b, a - b, a * 2, 3 * a, -a, abs(b))
print(repr(a + b), str(a), f"{a}", [a, b])
print(a == Vec(1, 2), a != b, a == 5, a < b, b > a, sorted([b, a]))
print({a: "first", Vec(1, 2): "again"}, bool(Vec(0, 0)), bool(a))
x, y = a
print(x, y, list(b), max([a, b]), sum([1, 2], 0))
acc = Vec(0, 0)
acc += a
acc += b
print(acc)
try:
    a + 1
except TypeError as e:
    print(e)
try:
    a < 1
except TypeError as e:
    print(e)


class Bag:
    def __init__(self, *items):
        self.items = list(items)

    def __len__(self):
        return len(self.items)

    def __getitem__(self, i):
        return self.items[i]

    def __setitem__(self, i, v):
        self.items[i] = v

    def __delitem__(self, i):
        del self.items[i]

    def __contains__(self, v):
        return v in self.items

    def __call__(self, *args, **kwargs):
        return f"called with {args} {kwargs}"


bag = Bag(5, 6, 7)
bag[0] = 50
del bag[1]
print(len(bag), bag[0], bag[-1], bag[0:1], 7 in bag, 6 in bag, 6 not in bag, bool(Bag()))
print(bag(1, k=2), [v for v in bag])


class Countdown:
    def __init__(self, n):
        self.n = n

    def __iter__(self):
        return self

    def __next__(self):
        if self.n <= 0:
            raise StopIteration
        self.n -= 1
        return self.n + 1


print(list(Countdown(3)), [i * i for i in Countdown(4)])
it = iter(Countdown(2))
print(next(it), next(it), next(it, "done"))
for i, v in enumerate(Countdown(2)):
    print(i, v)


class Tracker:
    def __init__(self, name):
        self.name = name

    def __enter__(self):
        print("enter", self.name)
        return self

    def __exit__(self, exc_type, exc, tb):
        print("exit", self.name, exc_type.__name__ if exc_type else None, exc)
        return exc_type is KeyError


with Tracker("a") as t:
    print("inside", t.name)
with Tracker("b"), Tracker("c"):
    raise KeyError("swallowed")
print("after")
try:
    with Tracker("d"):
        raise ValueError("escapes")
except ValueError as e:
    print("caught", e)


class Attrs:
    def __init__(self):
        self.__dict__["store"] = {}

    def __getattr__(self, name):
        return f"computed {name}"

    def __setattr__(self, name, value):
        print("set", name, value)
        object.__setattr__(self, name, value)


o = Attrs()
o.real = 1
print(o.real, o.fake)


class Temperature:
    def __init__(self, celsius):
        self._c = celsius

    @property
    def fahrenheit(self):
        return self._c * 9 / 5 + 32

    @fahrenheit.setter
    def fahrenheit(self, f):
        self._c = (f - 32) * 5 / 9

    @property
    def celsius(self):
        return self._c


t = Temperature(100)
print(t.fahrenheit)
t.fahrenheit = 32
print(t.celsius, type(Temperature.celsius).__name__)
try:
    t.celsius = 5
except AttributeError as e:
    print(e)
