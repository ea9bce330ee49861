# collections: defaultdict, OrderedDict, namedtuple, Counter, deque (written in Python, Note [Modules in Python])
from collections import OrderedDict, defaultdict, namedtuple, Counter, deque
import collections
d = defaultdict(int)
for w in "the cat the dog the end".split():
    d[w] += 1
print(d, d["missing"], len(d), sorted(d.items()), "cat" in d)
g = defaultdict(list)
g["a"].append(1)
g["a"].append(2)
g["b"].append(3)
print(g, list(g.keys()), list(g.values()))
Point = namedtuple("Point", ["x", "y"])
p = Point(1, y=2)
print(p, p.x, p.y, p[0], p[-1], len(p), tuple(p), p == Point(1, 2), p._asdict(), p._replace(x=5))
x, y = p
print(x + y, Point._fields, type(p).__name__)
P3 = namedtuple("P3", "a b c")
print(P3(1, 2, 3))
c = Counter("abracadabra")
print(c, c["a"], c["z"], c.most_common(2))
c.update("aaz")
print(c.most_common(3), sum(c.values()), sorted(c.elements())[:4])
q = deque([1, 2, 3])
q.append(4)
q.appendleft(0)
print(q, q.popleft(), q.pop(), q, len(q), list(q), q[0], q[-1])
b = deque(maxlen=2)
for i in range(5):
    b.append(i)
print(b, 1 in q)
od = OrderedDict()
od["b"] = 1
od["a"] = 2
print(od, list(od), od["a"], od.get("z", 0), list(od.items()))
od.move_to_end("b")
print(od, od.popitem(), od)
print(isinstance(d, collections.defaultdict))
