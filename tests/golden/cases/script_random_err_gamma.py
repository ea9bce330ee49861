# gammavariate needs positive parameters
import random

random.seed(18)
print(random.random(), random.randrange(100))
print(random.gammavariate(1, 1))
random.gammavariate(0, 1)
