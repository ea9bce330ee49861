# sample needs a sequence
import random

random.seed(8)
print(random.random(), random.randrange(100))
random.sample({1: 2, 3: 4}, 1)
