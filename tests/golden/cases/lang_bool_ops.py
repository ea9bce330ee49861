print(1 and 2, 0 and 2, 1 or 2, 0 or 2, None or "default", "" or 0)
print([] and [1], [1] and [], None and 1)
print(True and False or True, not True or False)

def loud(v):
    print("evaluated", v)
    return v

r = loud(0) and loud(1)
print("r =", r)
r = loud(1) or loud(2)
print("r =", r)
a = [1, 2]
b = a
c = [1, 2]
print(a is b, a is c, a == c, a is not c, None is None)
print(2 in [1, 2, 3], 4 in [1, 2, 3], 4 not in [1, 2, 3], "k" in {"k": 1}, 3 in (1, 2))
x = 7
print("odd" if x % 2 else "even", "big" if x > 10 else "small")
v = None
print("none" if v is None else "value")
