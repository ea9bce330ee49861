# pprint.pprint / pformat: short values on one line, long ones wrapped at width 80.
import pprint

pprint.pprint({"b": 2, "a": 1, "c": [3, 2, 1]})
data = {
    "name": "gradlab",
    "layers": [{"type": "Linear", "in": 784, "out": 128}, {"type": "ReLU"}, {"type": "Linear", "in": 128, "out": 10}],
    "optimizer": {"name": "Adam", "lr": 0.001, "betas": (0.9, 0.999), "eps": 1e-08, "weight_decay": 0},
    "history": list(range(30)),
    "tags": {"vision", "mnist"} if False else ["vision", "mnist"],
}
pprint.pprint(data)
print(pprint.pformat(list(range(40))))
pprint.pprint(list(range(40)), width=30)
pprint.pprint(list(range(40)), compact=True)
pprint.pprint([[i * j for j in range(12)] for i in range(5)])
pprint.pprint(("a" * 30, "b" * 30, "c" * 30))
pprint.pprint({"key": "word " * 30})
pprint.pprint({3, 1, 2})
pprint.pprint(set(range(0, 60, 2)))
pprint.pprint(frozenset(range(30)))
pprint.pprint({"z": 1, "y": {"x": [1, 2, {"w": "v" * 70}]}}, width=40)
pprint.pprint({"b": 1, "a": 2}, sort_dicts=False)
pprint.pprint([1, [2, [3, [4, [5]]]]], depth=2)
print(pprint.pformat({"x": (1,)}), pprint.pformat(()), pprint.pformat([]), pprint.pformat({}))
r = [1, 2]
r.append(r)
print(pprint.pformat(r)[:28])
pp = pprint.PrettyPrinter(indent=4, width=50)
pp.pprint({"alpha": list(range(15)), "beta": "text"})
from collections import OrderedDict, Counter, defaultdict
pprint.pprint(OrderedDict([("first_layer.weight", list(range(8))), ("first_layer.bias", [0.5] * 8)]))
pprint.pprint(OrderedDict(a=1))
pprint.pprint(Counter("abracadabra" * 5 + "xyz" * 3 + "mnopqrstuvw"))
dd = defaultdict(list)
for i in range(12):
    dd[f"key_{i % 4}"].append(i * 1000)
pprint.pprint(dd)
