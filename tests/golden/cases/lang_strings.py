s1 = 'single'
s2 = "double"
s3 = "it's"
s4 = 'say "hi"'
s5 = 'don\'t'
print(s1, s2, s3, s4, s5)
print("tab\there")
print("line1\nline2")
print("back\\slash")
print([s3, s4, "a\tb", "c\\d", "e\nf"])
print(("x", 'y'))
print("con" + "cat")
print(len("hello"), "hello"[1], "hello"[-1], "hello"[1:4], "hello"[::-1], "hello"[::2])
print("ell" in "hello", "z" in "hello", "a" < "b", "abc" == "abc")
print(str(12) + str(3.5) + str(True) + str(None))
print("")
print('')
