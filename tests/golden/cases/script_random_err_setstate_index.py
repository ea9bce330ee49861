# an index past 624
import random

random.seed(16)
print(random.random(), random.randrange(100))
random.setstate((3, tuple([5] * 624 + [625]), None))
