# randrange(0) with one argument
import random

random.seed(2)
print(random.random(), random.randrange(100))
print(random.randrange(1))
random.randrange(0)
