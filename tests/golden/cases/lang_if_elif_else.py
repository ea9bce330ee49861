def classify(n):
    if n < 0:
        return "negative"
    elif n == 0:
        return "zero"
    elif n < 10:
        return "small"
    else:
        return "large"

for v in [-3, 0, 7, 10, 2.5]:
    print(v, classify(v))

x = 4
if x % 2 == 0:
    print("even")
if x > 100:
    print("never")
else:
    print("not big")
if []:
    print("empty list is truthy?")
elif "":
    print("empty string is truthy?")
else:
    print("empty containers are falsy")
if 0.0 or None:
    print("no")
else:
    print("0.0 and None are falsy")
