# randint with one argument
import random

random.seed(11)
print(random.random(), random.randrange(100))
print(random.randint(1, 2))
random.randint(1)
