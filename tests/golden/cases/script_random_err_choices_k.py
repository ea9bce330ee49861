# choices(population, 3): k must be a keyword
import random

random.seed(9)
print(random.random(), random.randrange(100))
print(random.choices([1, 2], k=3))
random.choices([1, 2], 3)
