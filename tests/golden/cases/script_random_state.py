# getstate/setstate round trips, the state tuple's layout, and gauss()'s cached second value
import random

random.seed(99)
st = random.getstate()
print(type(st), len(st), st[0], len(st[1]), st[1][0], st[1][1], st[1][623], st[1][624], st[2])
a = [random.random() for _ in range(10)]
random.setstate(st)
print(a == [random.random() for _ in range(10)])
print(random.getstate()[1][624])
random.getrandbits(32)
print(random.getstate()[1][624], random.getstate()[1][:3])
for _ in range(700):
    random.random()
print(random.getstate()[1][624], random.getstate()[1][:3])
mid = random.getstate()
b = [random.randint(0, 1000) for _ in range(20)]
random.setstate(mid)
print(b == [random.randint(0, 1000) for _ in range(20)], b[:5])

# gauss produces values in pairs and keeps the second one
random.seed(1)
print(random.gauss(), random.getstate()[2])
print(random.gauss(), random.getstate()[2])
random.gauss()
cached = random.getstate()
print(cached[2])
x = random.gauss()
random.setstate(cached)
print(random.gauss() == x)
random.seed(1)  # seeding forgets the cached value
print(random.getstate()[2], random.gauss())
random.gauss()
random.seed(1)
print(random.gauss())
# a state with a gauss_next of our choosing
random.setstate((3, cached[1], 0.25))
print(random.gauss(), random.gauss(10, 2))
random.setstate((3, cached[1], None))
print(random.gauss())
# setstate with the index at the start, in the middle and at the end
w = list(cached[1][:624])
for idx in [0, 1, 311, 623, 624]:
    random.setstate((3, tuple(w + [idx]), None))
    print(idx, random.random(), random.getrandbits(32), random.getstate()[1][624])
# version 2 states hold signed words; they are taken modulo 2**32
signed = tuple([v - 4294967296 if v >= 2147483648 else v for v in w] + [624])
random.setstate((2, signed, None))
print(random.random(), random.getstate()[0])
random.setstate([3, tuple(w + [624]), None])
print(random.random())
