# unsupported seed types
import random

random.seed(13)
print(random.random(), random.randrange(100))
random.seed([1, 2])
