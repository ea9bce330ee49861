# a comment on its own line

x = 1  # trailing comment
y = 2


# two blank lines above
del x
lst = [10, 20, 30, 40]
del lst[1]
print(lst)
d = {"a": 1, "b": 2}
del d["a"]
print(d)
x = "rebound"   # x can be bound again after del
print(x, y)
    # an indented comment line is fine
print("# not a comment")
