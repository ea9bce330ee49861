# lognormvariate overflows math.exp
import random

random.seed(25)
print(random.random(), random.randrange(100))
random.lognormvariate(1000, 0)
