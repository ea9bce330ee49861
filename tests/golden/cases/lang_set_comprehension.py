# Set comprehensions: filters, nested loops, scope, and order of the result.
words = ["apple", "Banana", "cherry", "avocado", "blueberry"]
print({len(w) for w in words})
print({w[0].lower() for w in words} == {"a", "b", "c"})
print({(i, j) for i in range(3) for j in range(3) if i < j})
print({x * x % 7 for x in range(20)})
i = "outer"
print({i for i in range(3)}, i)
print({n for n in range(100) if n % 15 == 0})
print(len({c for c in "mississippi"}), sorted({c for c in "mississippi"}))
matrix = [[1, 2], [2, 3], [3, 4]]
print({v for row in matrix for v in row})
print({-x for x in range(5)}, {x / 2 for x in range(5)})
