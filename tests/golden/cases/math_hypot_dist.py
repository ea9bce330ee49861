# math.hypot and math.dist: CPython 3.11's own correctly-rounded-in-practice vector norm, not the
# C library's hypot (which differs in the last bit for about 1 in 1000 pairs, such as these);
# any number of coordinates, zero, one, infinities, NaN, subnormals and huge values.
import math
pairs = [(1.084544931654908, 15.632462496210904), (-0.7973458199198912, 2.069816937210034), (2.065029396487399, -5.476526617316491), (0.3224240816584569, -3.1228370778821724), (0.24604572692169643, 0.040375446199458855), (-1.4669908817751827, 0.23757920453914602), (1.2405045548802047, -1.1817071903335785), (-1.1418527905109743, 1.7954351541350753), (1.075064887882595, 9.317920941427593), (1.128366394861287, -0.49659003317927664), (0.8084682709603287, 0.09888027379338861), (0.5364003077717224, 0.3183855674527914)]
for a, b in pairs:
    print(repr(math.hypot(a, b)), repr(math.dist((a, 0.0), (0.0, b))))
import random
random.seed(4)
for n in [0, 1, 2, 3, 5, 8]:
    for _ in range(6):
        xs = [random.gauss(0, 1) * 10.0 ** random.randint(-5, 5) for _ in range(n)]
        ys = [random.gauss(0, 1) for _ in range(n)]
        print(n, repr(math.hypot(*xs)), repr(math.dist(xs, ys)))
print(math.hypot(), math.hypot(-3), math.hypot(3, 4), math.hypot(3, 4, 12), math.hypot(float('inf'), float('nan')), math.hypot(float('nan'), 1))
print(math.hypot(5e-324, 5e-324), math.hypot(1e-310, 3e-310, 2e-310), math.hypot(1e308, 1e308), math.hypot(1.5e308, 1e308, 1e300))
print(math.hypot(1, True, 2.5), math.dist([1, 2], [4, 6]), math.dist((0.1, 0.2, 0.3), (0.4, 0.5, 0.6)))
