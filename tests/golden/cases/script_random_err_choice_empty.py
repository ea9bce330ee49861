# choice from an empty sequence
import random

random.seed(6)
print(random.random(), random.randrange(100))
print(random.choice([1]))
random.choice([])
