print(True, False, None)
print([True, False, None])
print(1, -1, 0, 1.0, -0.5, 2.0e3, 1e-3, 1.5E2)
print(None is None, True is not False)
print(3 == 3.0, 1 == True, 0 == False)
big = 2432902008176640000
print(big, -big)
print(-7, +7, - -7)
print(type(True), type(None))
