print(len([1, 2, 3]), len(()), len("abc"), len({"a": 1}), len(range(4)))
print(abs(-3), abs(2.5), abs(-0.0), abs(0))
print(min(3, 1, 2), max(3, 1, 2), min(2.5, 2), max(-1, -1.5))
print(min([4, 8, -2]), max([4, 8, -2]), min((1.5, 0.5)), max(range(10)))
print(max("apple", "banana"), min("b", "a", "c"))
print(sum([1, 2, 3]), sum([0.1, 0.2, 0.3]), sum(range(101)), sum([]), sum((1.5, 2)))
print(sum([1, 2], 10))
vals = [3.5, -1.25, 8.0]
print(max(vals) - min(vals), sum(vals) / len(vals))
