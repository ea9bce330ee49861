# set and frozenset: methods, operators, membership and errors.
a = {1, 2, 3, 4}
b = {3, 4, 5, 6}
print(a | b, a & b, a - b, b - a, a ^ b)
print(a.union(b), a.intersection(b), a.difference(b), a.symmetric_difference(b))
print(a.union([7, 8], (9,)), a.intersection(range(3)), a.difference([1], [2]))
print(a <= b, {1, 2} <= a, {1, 2} < a, a < a, a <= a, a >= {1}, a > {1}, a == {4, 3, 2, 1}, a != b)
print({1, 2}.issubset([1, 2, 3]), a.issuperset([1, 2]), a.isdisjoint({9}), a.isdisjoint([1]))
print(3 in a, 7 in a, 7 not in a, len(a), len(set()))
s = set()
s.add(5)
s.add(1)
s.add(5)
print(s)
s.update([3, 2], {9})
print(s)
s.discard(100)
s.discard(9)
s.remove(3)
print(s, sorted(s))
c = s.copy()
c.add(42)
print(s, c)
print(s.pop(), s)
s.clear()
print(s, bool(s), bool({0}))
t = {1, 2, 3}
t |= {4}
t &= {1, 2, 4, 5}
t -= {1}
print(t)
t ^= {2, 7}
print(t)
u = {1, 2, 3, 4, 5}
u.intersection_update([1, 2, 3])
u.difference_update([1])
u.symmetric_difference_update([3, 10])
print(u)
fs = frozenset([3, 1, 2])
print(fs, frozenset(), fs | {9}, {9} | fs, fs & {1}, type(fs | {9}).__name__)
print(hash(fs) == hash(frozenset({1, 2, 3})), {fs: "x"}[frozenset([1, 2, 3])])
print({(1, 2), (1, 2), (3, 4)}, {1, 1.0, True}, {0, False})
print(set("hello") == {"h", "e", "l", "o"}, sorted(set("mississippi")))
print(set({"a": 1, "b": 2}) == {"a", "b"}, sorted({"b": 1, "a": 2}.keys() | {"c"}) if False else "skip")
print(isinstance(a, set), isinstance(fs, frozenset), isinstance(fs, set), type(a), type(fs))
words = ["apple", "banana", "apple", "cherry", "banana"]
print(len(set(words)), sorted(set(words)))
print({x % 3 for x in range(10)}, {n * n for n in [-2, 2, 3]})
print(sum({1, 2, 3}), max({4, 9, 1}), min(frozenset({4, 9, 1})), list({5, 3, 1}))
x, y = {1, 2}
print(x, y)
try:
    s.remove(99)
except KeyError as e:
    print("KeyError", e)
try:
    set().pop()
except KeyError as e:
    print("KeyError", e)
try:
    {[1, 2]}
except TypeError as e:
    print("TypeError:", e)
try:
    {1} | [2]
except TypeError as e:
    print("TypeError:", e)
try:
    {1} < [1]
except TypeError as e:
    print("TypeError:", e)
try:
    {{1}}
except TypeError as e:
    print("TypeError:", e)
try:
    fs.add(1)
except AttributeError as e:
    print("AttributeError:", e)
try:
    [1] in {1}
except TypeError as e:
    print("TypeError:", e)
