def add(a, b):
    return a + b

def scale(x, factor=2, offset=0.5):
    return x * factor + offset

def nothing():
    pass

def divmod2(a, b):
    return a // b, a % b

def early(n):
    if n > 0:
        return "positive"
    return

print(add(2, 3))
print(add(b=1, a=10))
print(scale(3))
print(scale(3, 10))
print(scale(3, offset=-1))
print(scale(x=1, offset=0, factor=5))
print(nothing())
q, r = divmod2(17, 5)
print(q, r)
print(divmod2(7, 2))
print(early(1), early(-1))
f = add
print(f("ab", "cd"))
