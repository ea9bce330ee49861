class A:
    pass
a = A()
print((a.x := 5))
