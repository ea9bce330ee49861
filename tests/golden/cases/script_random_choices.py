# choices with and without weights, with cumulative weights, and k
import random

random.seed(2024)
pop = ["a", "b", "c", "d"]
print(random.choices(pop))
print(random.choices(pop, k=10))
print(random.choices(pop, [1, 2, 3, 4], k=10))
print(random.choices(pop, weights=[0.1, 0.2, 0.3, 0.4], k=10))
print(random.choices(pop, cum_weights=[1, 3, 6, 10], k=10))
print(random.choices(pop, cum_weights=(0.5, 0.5, 0.75, 1.0), k=6))
print(random.choices(range(5), [0, 0, 1, 0, 0], k=3))
print(random.choices(pop, [5, 0, 0, 5], k=8))
print(random.choices("xyz", k=7))
print(random.choices(pop, k=0), random.choices(pop, k=-3))
print(random.choices([True, False], [2.5, 1], k=9))
print(random.choices((10, 20, 30), [1, 1, 1e-9], k=12))
random.seed(5)
print([random.choices(range(1000), k=3) for _ in range(4)])
