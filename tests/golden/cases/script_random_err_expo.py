# expovariate(0) divides by zero
import random

random.seed(19)
print(random.random(), random.randrange(100))
random.expovariate(0)
