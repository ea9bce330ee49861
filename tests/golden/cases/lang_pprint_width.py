# pprint with narrow widths, indents and nested structures.
import pprint
nested = {"model": {"layers": [[1, 2, 3], [4, 5, 6]], "name": "mlp"}, "lr": [0.1, 0.01, 0.001]}
for w in (20, 35, 60, 80):
    print(f"-- width {w}")
    pprint.pprint(nested, width=w)
pprint.pprint(nested, indent=2, width=30)
pprint.pprint([("pair", i, i * i) for i in range(6)], width=40)
print(pprint.pformat(list("abcdefghijklmnopqrstuvwxyz"), width=30, compact=True))
pprint.pprint("a fairly long string " * 5, width=40)
pprint.pprint(["short", "a fairly long string " * 5], width=40)
pprint.pprint({"k": ()}), pprint.pprint([[]]), pprint.pprint({1: {}})
print(pprint.saferepr({"b": [1, 2], "a": (3,)}), pprint.isreadable([1, "x"]), pprint.isrecursive([1]))
