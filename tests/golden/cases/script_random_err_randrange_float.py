# a non-integer stop
import random

random.seed(4)
print(random.random(), random.randrange(100))
print(random.randrange(1, 5.0))
random.randrange(1, 2.5)
