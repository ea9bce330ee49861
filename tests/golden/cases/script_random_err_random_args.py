# random() takes no arguments
import random

random.seed(20)
print(random.random(), random.randrange(100))
random.random(1)
