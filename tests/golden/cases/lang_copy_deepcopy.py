# copy.copy and copy.deepcopy: containers, shared references, cycles, user classes.
import copy

a = [1, [2, 3], {"k": [4]}]
s = copy.copy(a)
d = copy.deepcopy(a)
a[1].append(99)
a[2]["k"].append(5)
print(a)
print(s)
print(d)
print(s[1] is a[1], d[1] is a[1], s is a)

t = (1, 2, (3, 4))
print(copy.deepcopy(t) is t, copy.copy(t) is t)
t2 = (1, [2])
print(copy.deepcopy(t2) is t2, copy.deepcopy(t2))

shared = [0]
pair = [shared, shared]
pc = copy.deepcopy(pair)
print(pc[0] is pc[1], pc[0] is shared)

cyc = [1]
cyc.append(cyc)
cc = copy.deepcopy(cyc)
print(cc[1] is cc, cc is cyc)

st = {1, 2, 3}
print(copy.copy(st), copy.deepcopy(st), copy.copy(st) is st)
dd = {"a": [1], "b": (2, [3])}
dc = copy.deepcopy(dd)
dc["b"][1].append(4)
print(dd, dc)

class Node:
    def __init__(self, value, children=None):
        self.value = value
        self.children = children or []
    def __repr__(self):
        return f"Node({self.value}, {self.children})"

root = Node(1, [Node(2), Node(3)])
r1 = copy.copy(root)
r2 = copy.deepcopy(root)
root.children.append(Node(4))
print(r1)
print(r2)
print(type(r2).__name__, r2.children[0] is root.children[0])

class Custom:
    def __init__(self, x):
        self.x = x
    def __copy__(self):
        print("__copy__ called")
        return Custom(self.x + [100])
    def __deepcopy__(self, memo):
        print("__deepcopy__ called", type(memo).__name__)
        return Custom(copy.deepcopy(self.x, memo))

c = Custom([1])
print(copy.copy(c).x, copy.deepcopy(c).x)
print(copy.deepcopy([c, c])[0].x)
