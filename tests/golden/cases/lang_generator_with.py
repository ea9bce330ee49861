import torch

class Tracker:
    def __init__(self, name, swallow=False):
        self.name = name
        self.swallow = swallow
    def __enter__(self):
        print("enter", self.name)
        return self.name.upper()
    def __exit__(self, exc_type, exc, tb):
        print("exit", self.name, exc_type.__name__ if exc_type else None, exc)
        return self.swallow

def reader(n):
    with Tracker("file") as handle:
        for i in range(n):
            yield handle, i
    print("after with")

print(list(reader(3)))

def two_managers():
    with Tracker("a") as a, Tracker("b") as b:
        yield a + b
        yield b + a
print(list(two_managers()))

def swallowing():
    with Tracker("quiet", swallow=True):
        yield 1
        raise ValueError("hidden")
    yield 2
print(list(swallowing()))

def failing():
    with Tracker("loud"):
        yield 1
        raise KeyError("boom")
try:
    for v in failing():
        print("got", v)
except KeyError as e:
    print("caught", repr(e))

def early_return():
    for i in range(5):
        with Tracker(f"step{i}"):
            if i == 2:
                return
            yield i
print(list(early_return()))

def breaking():
    for i in range(5):
        with Tracker(f"loop{i}"):
            yield i
            if i == 1:
                break
    yield "done"
print(list(breaking()))

x = torch.ones(2, requires_grad=True)
def batches():
    with torch.no_grad():
        for k in range(2):
            y = x * (k + 1)
            print("inside", y.requires_grad, torch.is_grad_enabled())
            yield y
    print("after no_grad", torch.is_grad_enabled())

for b in batches():
    print("caller sees grad enabled:", torch.is_grad_enabled(), b)
print(torch.is_grad_enabled())

def stepper():
    with torch.enable_grad():
        yield (x * 3).requires_grad
with torch.no_grad():
    print(list(stepper()))
    print(torch.is_grad_enabled())

def nested_try():
    try:
        with Tracker("inner"):
            yield 1
            raise RuntimeError("from body")
    except RuntimeError as e:
        print("handled", e)
    yield 2
print(list(nested_try()))

gen = batches()
print(next(gen))
print(torch.is_grad_enabled())
del gen
print(torch.is_grad_enabled())
