# Decorators on functions, methods and classes; decorators with arguments; stacking
calls = []


def trace(fn):
    def wrapper(*args, **kwargs):
        calls.append(fn.__name__)
        result = fn(*args, **kwargs)
        print(f"{fn.__name__} with {len(args)} args -> {result}")
        return result

    wrapper.__name__ = fn.__name__
    return wrapper


def repeat(times):
    def decorate(fn):
        def run(*args):
            return [fn(*args) for _ in range(times)]

        return run

    return decorate


def register(registry):
    def add(cls):
        registry[cls.__name__] = cls
        return cls

    return add


@trace
def add(a, b=10):
    return a + b


@repeat(3)
@trace
def square(x):
    return x * x


print(add(1, 2), add(5), add.__name__)
print(square(4))
print(calls)

models = {}


@register(models)
class Linear:
    def __init__(self, n):
        self.n = n

    @trace
    def forward(self, x):
        return x * self.n

    @staticmethod
    @trace
    def helper(v):
        return -v


@register(models)
class Relu:
    pass


print(sorted(models), models["Linear"](3).forward(7), Linear.helper(2))
counter = {"n": 0}


def counted(fn):
    def inner(*a):
        counter["n"] += 1
        return fn(*a)

    return inner


class Net:
    @counted
    def step(self):
        return "step"

    @property
    @counted
    def size(self):
        return 42


net = Net()
print(net.step(), net.step(), net.size, counter)
decorators = [trace, counted]


@decorators[1]
def via_subscript():
    return "subscript decorator"


print(via_subscript(), counter["n"])
