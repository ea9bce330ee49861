# random.Random instances: independent generators with the module's methods
import random

r1 = random.Random(42)
r2 = random.Random(42)
random.seed(42)
print(r1.random(), r2.random(), random.random())
print([r1.randint(1, 10) for _ in range(5)], [random.randint(1, 10) for _ in range(5)])
print(r2.random(), r1.random())
r3 = random.Random("instance seed")
r4 = random.Random(x=-7)
r5 = random.Random()
print(r3.random(), r4.random(), 0 <= r5.random() < 1)
print(type(r1), type(r1) is random.Random, isinstance(r1, random.Random), type(r1).__name__)
print(random.Random.__name__, random.Random)
r1.seed(5)
print(r1.random(), r1.gauss(), r1.choice("abc"), r1.sample(range(10), 3), r1.choices([1, 2], [1, 3], k=4))
l = list(range(10))
r1.shuffle(l)
print(l)
s = r1.getstate()
u = r1.uniform(2, 3)
r2.setstate(s)
print(u == r2.uniform(2, 3), r1.getstate() == r2.getstate())
print(r1.randrange(0, 50, 5), r1.getrandbits(40), r1.triangular(1, 2), r1.expovariate(3), r1.normalvariate(1, 2))
print(r1.lognormvariate(0, 1), r1.gammavariate(3, 2), r1.betavariate(2, 3), r1.paretovariate(2), r1.weibullvariate(1, 2), r1.vonmisesvariate(1, 1))
# interleaving the module and two instances
random.seed(8)
a = random.Random(8)
b = random.Random(9)
out = []
for i in range(6):
    out.append((random.randint(0, 99), a.randint(0, 99), b.randint(0, 99)))
print(out)
f = random.random
g = a.random
print(f() != g(), callable(f))
