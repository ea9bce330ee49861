# assignment, tuple unpacking and augmented assignment on plain values
a = 5
b, c = 2, 3.5
print(a, b, c)
a, b = b, a
print(a, b)
t = (1, 2)
p, q = t
print(p, q)
first, second, third = [10, 20, 30]
print(first + second + third)

n = 10
n += 5
n -= 3
n *= 2
print(n)
n /= 8
print(n)
f = 1.5
f += 0.25
f *= 4
f -= 1
f /= 2
print(f)
lst = [1, 2]
lst += [3]
lst *= 2
print(lst)
s = "ab"
s += "cd"
print(s)
