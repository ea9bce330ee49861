# a step without a stop
import random

random.seed(5)
print(random.random(), random.randrange(100))
random.randrange(10, step=2)
