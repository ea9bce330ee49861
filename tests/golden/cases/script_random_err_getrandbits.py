# a negative bit count
import random

random.seed(17)
print(random.random(), random.randrange(100))
print(random.getrandbits(3))
random.getrandbits(-1)
