# Generators as methods, as __iter__, with closures and recursion; generator pipelines.
class Countdown:
    def __init__(self, start):
        self.start = start
    def __iter__(self):
        n = self.start
        while n > 0:
            yield n
            n -= 1

print(list(Countdown(4)), sum(Countdown(10)))
for v in Countdown(2):
    print("v", v)

class Dataset:
    def __init__(self, data, batch_size):
        self.data = data
        self.batch_size = batch_size
    def batches(self):
        for i in range(0, len(self.data), self.batch_size):
            yield self.data[i:i + self.batch_size]

ds = Dataset(list(range(10)), 4)
for b in ds.batches():
    print(b)

def read_numbers(lines):
    for line in lines:
        line = line.strip()
        if not line or line.startswith("#"):
            continue
        yield float(line)

def running_mean(xs):
    total = 0.0
    for i, x in enumerate(xs, 1):
        total += x
        yield total / i

lines = ["1", "# comment", "", "2", "6", "  3  "]
print(list(running_mean(read_numbers(lines))))

def permutations(items):
    if len(items) <= 1:
        yield list(items)
        return
    for i in range(len(items)):
        for rest in permutations(items[:i] + items[i + 1:]):
            yield [items[i]] + rest

print(list(permutations([1, 2, 3])))

def take(n, it):
    it = iter(it)
    for _ in range(n):
        try:
            yield next(it)
        except StopIteration:
            return

def naturals():
    n = 1
    while True:
        yield n
        n += 1

print(list(take(5, naturals())), list(take(5, [1, 2])))
primes = (n for n in naturals() if n > 1 and all(n % d for d in range(2, int(n ** 0.5) + 1)))
print(list(take(10, primes)))

gens = [(lambda k: (k * i for i in range(3)))(k) for k in range(3)]
print([list(g) for g in gens])

def counter():
    count = 0
    def gen():
        nonlocal count
        while True:
            count += 1
            yield count
    return gen

g = counter()()
print(next(g), next(g), next(g))
