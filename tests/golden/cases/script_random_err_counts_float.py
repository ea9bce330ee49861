# sample counts must be integers
import random

random.seed(24)
print(random.random(), random.randrange(100))
random.sample(["a", "b"], 1, counts=[1.0, 2.0])
