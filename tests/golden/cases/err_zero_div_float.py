x = 2.5
print(x / 2)
y = x / 0.0
