# a sample larger than the population
import random

random.seed(7)
print(random.random(), random.randrange(100))
print(random.sample([1, 2], 2))
random.sample([1, 2], 3)
