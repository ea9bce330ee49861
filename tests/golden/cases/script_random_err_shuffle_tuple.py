# shuffle needs a mutable sequence
import random

random.seed(23)
print(random.random(), random.randrange(100))
random.shuffle((1, 2, 3))
