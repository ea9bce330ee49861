# a state vector of the wrong size
import random

random.seed(15)
print(random.random(), random.randrange(100))
random.setstate((3, (1, 2), None))
