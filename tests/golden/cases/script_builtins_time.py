# hex/oct/bin/format and the time module
import time
print(hex(255), hex(-42), oct(8), bin(5), bin(0), hex(True))
print(format(3.14159, ".2f"), format(42, "08b"), format(7), format("x", ">3"), format(1234567, ","))
t0 = time.time()
p0 = time.perf_counter()
time.sleep(0.01)
print(time.time() >= t0, time.perf_counter() - p0 >= 0.009, type(time.perf_counter()).__name__)
try:
    time.sleep(-1)
except ValueError as e:
    print(e)
try:
    hex(1.5)
except TypeError as e:
    print(e)
