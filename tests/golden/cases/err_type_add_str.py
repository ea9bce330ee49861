a = 1
print("before")
b = a + 'a'
print("never")
