# too many positional arguments, with a keyword-only one
import random

random.seed(12)
print(random.random(), random.randrange(100))
random.sample([1, 2, 3], 2, 3, counts=[1, 1, 1])
