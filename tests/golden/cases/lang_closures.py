def make_multiplier(k):
    def mul(x):
        return x * k
    return mul

double = make_multiplier(2)
triple = make_multiplier(3)
print(double(5), triple(5), double(1.5))

def outer():
    base = 10
    def inner(y):
        return base + y
    return inner(5)

print(outer())

def compose(f, g):
    def h(x):
        return f(g(x))
    return h

inc = lambda v: v + 1
print(compose(double, inc)(4))
print(compose(inc, double)(4))

counter_base = 100
def read_global():
    return counter_base + 1
print(read_global())
