# Walrus in while loops and comprehensions that read data in chunks.
data = list(range(10))
pos = 0
def chunk():
    global pos
    part = data[pos:pos + 3]
    pos += 3
    return part

while (part := chunk()):
    print("chunk", part, sum(part))

scores = {"a": 3, "b": 8, "c": 5}
high = {k: s for k in scores if (s := scores[k] * 10) > 40}
print(high, s)
vals = [v for x in range(6) if (v := x % 4)]
print(vals, v)
if (m := max(scores.values())) > 5 and (name := [k for k in scores if scores[k] == m][0]):
    print(m, name)
print([y := 2, y ** 2], y)
def running(xs):
    acc = 0
    return [acc := acc + x for x in xs], acc
print(running([1, 2, 3]))
