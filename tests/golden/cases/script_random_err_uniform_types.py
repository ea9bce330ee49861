# uniform on a str
import random

random.seed(21)
print(random.random(), random.randrange(100))
random.uniform("a", 1)
