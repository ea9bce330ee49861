i = 0
while i < 10:
    i += 1
    if i % 2 == 0:
        continue
    if i > 7:
        break
    print("odd", i)
print("after while", i)
for n in range(5):
    if n == 1:
        pass
    elif n == 3:
        continue
    print("n", n)
count = 0
while True:
    count += 1
    if count == 4:
        break
print("count", count)
for a in range(3):
    for b in range(3):
        if b == a:
            break
        print(a, b)
x = 100
while x > 1:
    x //= 3
print(x)
