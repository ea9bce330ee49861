# str seeds: version 2 hashes the UTF-8 bytes with SHA-512; version 1 is the old string hash
import random

for s in ["", "a", "hello", "gradlab", "Zürich ☃ 𝄞", "x" * 111, "y" * 112, "long seed " * 40]:
    random.seed(s)
    print(repr(s) if len(s) < 20 else len(s), random.random(), random.getrandbits(32), random.randint(1, 100))
for s in ["", "a", "hello", "Zürich ☃"]:
    random.seed(s, version=1)
    print(repr(s), random.random(), random.randrange(1000))
    random.seed(s, 1)
    print(random.random())
# float seeds use hash(x)
for f in [0.0, 1.5, -1.5, 2.0, -2.0, 1e300, 3.141592653589793, -0.1, float("inf"), float("-inf")]:
    random.seed(f)
    print(f, random.random(), random.getrandbits(20))
random.seed(2.0)
a = random.random()
random.seed(2)
print(a == random.random())
random.seed(-1.0)
print(random.random())
