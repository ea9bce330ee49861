# functools: wraps, partial, reduce — with decorators that keep the wrapped function's name
import functools
from functools import reduce, partial, wraps


def logged(fn):
    @wraps(fn)
    def wrapper(*args, **kwargs):
        """wrapper doc"""
        print("calling", fn.__name__)
        return fn(*args, **kwargs)

    return wrapper


@logged
def scale(x, factor=2):
    """Scales x."""
    return x * factor


print(scale(3), scale(3, factor=5), scale.__name__, scale.__doc__, scale.__wrapped__.__name__)
print(reduce(lambda a, b: a + b, [1, 2, 3, 4]), reduce(lambda a, b: a * b, range(1, 6), 10), reduce(max, [3, 9, 2]))
try:
    reduce(lambda a, b: a + b, [])
except TypeError as e:
    print(e)
double = partial(scale, factor=2)
triple = functools.partial(scale, factor=3)
print(double(4), triple(4), triple(4, factor=10))
p = partial(pow, 2)
print(p(10), type(p).__name__, p.args, p.keywords)
base2 = partial(int, base=2)
print(base2("1011"), partial(base2, "111")())


def timer(label):
    def deco(fn):
        @functools.wraps(fn)
        def inner(*a):
            result = fn(*a)
            print(label, fn.__name__, "->", result)
            return result

        return inner

    return deco


class Model:
    @timer("forward")
    def forward(self, x):
        return x + 1


print(Model().forward(1), Model.forward.__name__, Model.forward.__qualname__)
