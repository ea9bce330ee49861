# as many weights as items
import random

random.seed(10)
print(random.random(), random.randrange(100))
random.choices([1, 2], [1])
