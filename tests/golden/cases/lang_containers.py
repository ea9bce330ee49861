lst = [1, 2.5, "three", None, True]
print(lst)
print([])
print([[1, 2], [3, 4]])
t = (1, 2, 3)
print(t)
one = (5,)
print(one, len(one))
print(())
print((1, "a", [2]))
d = {"a": 1, "b": 2.5, "c": [1, 2]}
print(d)
print(d["b"], d["c"][1])
d["z"] = 0
d["a"] = 100
print(d)
print(len(d), "a" in d, "q" in d)
print({})
e = {1: "one", 2: "two"}
print(e[2])
lst[0] = 99
print(lst)
print([1, 2] + [3], (1,) + (2,))
print([1, 2] == [1, 2], (1, 2) == (1, 3))
