# set methods with several arguments, with other iterables, and in-place forms.
base = {1, 2, 3, 4, 5, 6}
print(base.union([7], (8, 9), range(10, 12), "ab" if False else []))
print(base.intersection([1, 2, 3, 9], {2, 3}, (3, 2)))
print(base.difference({1}, [2], range(3, 4)))
print(base.symmetric_difference([5, 6, 7, 8]))
s = set(base)
s.update(range(20, 23), [30])
print(s)
s.intersection_update(range(0, 25, 2))
print(s)
s.difference_update([2], {4})
print(s)
s.symmetric_difference_update({6, 99})
print(s)
print({1, 2}.isdisjoint([3, 4]), {1, 2}.issubset(range(5)), set().issubset(set()), {1}.issuperset([]))
d = {"x": 1, "y": 2}
print(sorted(set(d)), set(d.values()), {1, 2} | set(d.values()), set(d.items()) == {("x", 1), ("y", 2)})
print(base.copy() == base, base.copy() is base, frozenset(base).copy() == base)
e = set()
e |= {3, 1}
e &= {1, 2, 3}
e -= {3}
e ^= {7}
print(e, len(e))
