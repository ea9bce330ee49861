s = {1, 2}
s.add((3, 4))
print(s)
s.add([5, 6])
