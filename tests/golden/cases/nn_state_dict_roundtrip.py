import torch
from collections import OrderedDict
torch.manual_seed(0)
m = torch.nn.Sequential(torch.nn.Linear(2, 3), torch.nn.ReLU(), torch.nn.Linear(3, 1))
sd = m.state_dict()
m2 = torch.nn.Sequential(torch.nn.Linear(2, 3), torch.nn.ReLU(), torch.nn.Linear(3, 1))
print(m2.load_state_dict(sd))
print(all(a.equal(b) for a, b in zip(m.parameters(), m2.parameters())))
print(dict(OrderedDict([("a", 1), ("b", 2)])))
d = {"x": 0}
d.update(OrderedDict(y=1))
print(d)
class Mapping:
    def keys(self):
        return ["p", "q"]
    def __getitem__(self, key):
        return key.upper()
print(dict(Mapping()))
