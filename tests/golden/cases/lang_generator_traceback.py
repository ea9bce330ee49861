# An exception inside a generator: the traceback shows the generator's frame under the caller's.
def parse(lines):
    for line in lines:
        yield int(line)

def total(lines):
    s = 0
    for v in parse(lines):
        s += v
    return s

print(total(["1", "2"]))
print(total(["1", "x"]))
