# random.seed with int seeds (0, 42, negative, the largest int) and the core draws
import random

for s in [0, 1, 42, -7, 7, 9223372036854775807, -9223372036854775807 - 1, 4294967295, 4294967296, True, False]:
    random.seed(s)
    print(s, random.random(), random.random())
    print([random.getrandbits(k) for k in [0, 1, 5, 31, 32, 33, 48, 63]])
    print([random.random() for _ in range(5)])

random.seed(123)
print([random.getrandbits(8) for _ in range(40)])
print([random.getrandbits(64 - 1) for _ in range(6)])
random.seed(0)
a = [random.random() for _ in range(700)]  # crosses a twist of the Mersenne Twister
print(a[0], a[311], a[312], a[313], a[623], a[699])
print(sum(a))
random.seed()
random.seed(None)
x = random.random()
print(0.0 <= x < 1.0)
