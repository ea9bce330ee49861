s = {"a", "b"}
s.remove("a")
print(s)
s.remove("zzz")
