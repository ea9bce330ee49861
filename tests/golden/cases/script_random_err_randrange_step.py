# a zero step
import random

random.seed(3)
print(random.random(), random.randrange(100))
print(random.randrange(0, 10, 3))
random.randrange(1, 10, 0)
