print(list(range(5)))
print(list(range(2, 7)))
print(list(range(1, 10, 3)))
print(list(range(10, 0, -2)))
print(list(range(5, -6, -5)))
print(list(range(0)), list(range(3, 3)), list(range(5, 1)))
print(len(range(0, 100, 7)))
s = 0
for i in range(100, 0, -1):
    s += i
print(s)
print(tuple(range(3)))
