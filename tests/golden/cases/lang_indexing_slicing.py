a = [0, 1, 2, 3, 4, 5, 6, 7, 8, 9]
print(a[0], a[-1], a[-3])
print(a[2:5])
print(a[:3], a[7:])
print(a[-3:])
print(a[::2])
print(a[1::3])
print(a[::-1])
print(a[8:2:-2])
print(a[-1:-4:-1])
print(a[5:2])
print(a[100:])
print(a[:])
t = (10, 20, 30, 40)
print(t[1], t[-2], t[1:3])
s = "gradient"
print(s[0], s[-1], s[2:5], s[::-1], s[::3])
m = [[1, 2, 3], [4, 5, 6]]
print(m[1][2], m[-1][0], m[0][1:])
