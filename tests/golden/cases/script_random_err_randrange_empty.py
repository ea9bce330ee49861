# randrange(a, b) with a >= b names the empty range
import random

random.seed(1)
print(random.random(), random.randrange(100))
print(random.randrange(4, 5))
random.randrange(5, 5)
