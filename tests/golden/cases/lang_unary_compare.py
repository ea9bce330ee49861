x = 5
print(-x, +x, not x, not 0, not [], not "a", not None)
print(1 < 2 < 3, 1 < 3 < 2, 3 > 2 > 1, 1 <= 1 < 2, 5 == 5 == 5.0)
print(1 < x <= 5, 0 < x < 5, x != 4, x >= 6)
print(2 < 3 > 1, 1 == 1 != 2)
y = -x
print(y, -y, - - y)
print(not 1 == 2, not (1 == 1))
print(1.5 < 2, 2 <= 2.0, "a" < "b" < "c")
