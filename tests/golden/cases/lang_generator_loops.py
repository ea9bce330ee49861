# Yields inside nested loops with break, continue and else clauses; early return.
def grid(n):
    for i in range(n):
        j = 0
        while True:
            if j > i:
                break
            if (i + j) % 2:
                j += 1
                continue
            yield (i, j)
            j += 1
        else:
            yield "never"
    else:
        yield "grid done"

print(list(grid(4)))

def search(items, target):
    for idx, item in enumerate(items):
        if item == target:
            yield ("found", idx)
            return
        yield ("checked", item)
    else:
        yield ("missing", target)

print(list(search([4, 5, 6], 5)))
print(list(search([4, 5, 6], 9)))

def countdown_if(n):
    while n > 0:
        if n % 3 == 0:
            yield f"fizz {n}"
        elif n % 2 == 0:
            yield n * 10
        else:
            pass
        n -= 1
    else:
        yield "liftoff"

print(list(countdown_if(7)))
g = grid(3)
print(next(g), next(g))
for item in g:
    print("rest", item)
