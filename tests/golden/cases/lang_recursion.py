def factorial(n):
    if n <= 1:
        return 1
    return n * factorial(n - 1)

def fib(n):
    if n < 2:
        return n
    return fib(n - 1) + fib(n - 2)

for i in range(6):
    print(i, factorial(i))
print(factorial(20))

print(fib(15))

def depth(lst):
    if len(lst) == 0:
        return 0
    return 1 + depth(lst[1:])
print(depth([1, 2, 3, 4]))
