# Random() takes one seed
import random

random.seed(22)
print(random.random(), random.randrange(100))
r = random.Random(1)
print(r.random())
random.Random(1, 2)
