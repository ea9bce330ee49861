# the real-valued distributions: uniform, triangular, normalvariate, gauss, lognormvariate,
# expovariate, gammavariate, betavariate, paretovariate, weibullvariate, vonmisesvariate
import random

random.seed(3)
print([random.uniform(0, 10) for _ in range(4)], random.uniform(5, -5), random.uniform(1, 1))
print([random.triangular() for _ in range(3)], random.triangular(0, 10, 2), random.triangular(10, 0), random.triangular(high=5, mode=4))
print(random.triangular(2, 2, 2), random.triangular(1, 1, 5), random.triangular(3, 1, 1))
print([random.normalvariate() for _ in range(4)], random.normalvariate(10, 2), random.normalvariate(mu=1, sigma=0.5))
print([random.gauss() for _ in range(5)], random.gauss(100, 15), random.gauss(sigma=3))
print([random.lognormvariate(0, 1) for _ in range(3)], random.lognormvariate(1, 0.25))
print([random.expovariate(1) for _ in range(3)], random.expovariate(0.5), random.expovariate(-2))
print([random.gammavariate(a, 1) for a in [0.1, 0.5, 0.99, 1, 1.0, 1.5, 2, 9.5, 100]])
print([random.gammavariate(2, b) for b in [0.5, 3]])
print([random.betavariate(a, b) for a, b in [(0.5, 0.5), (1, 1), (2, 5), (5, 2), (0.1, 3)]])
print([random.paretovariate(a) for a in [1, 2.5, 10]])
print([random.weibullvariate(a, b) for a, b in [(1, 1), (2, 0.5), (0.5, 3)]])
print([random.vonmisesvariate(0, k) for k in [0, 1e-7, 0.5, 1, 4, 50]], random.vonmisesvariate(3, 2))
print(random.uniform(1, 2.5) > 0, random.gauss(0, 0), random.normalvariate(5, 0))
random.seed(11)
g = [random.gauss(0, 1) for _ in range(1000)]
print(sum(g), min(g), max(g))
n = [random.normalvariate(0, 1) for _ in range(1000)]
print(sum(n), min(n), max(n))
