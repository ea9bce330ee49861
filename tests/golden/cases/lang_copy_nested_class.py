# deepcopy of objects that reference each other, with class attributes left shared.
import copy

class Account:
    bank = ["shared bank list"]
    def __init__(self, owner, balance):
        self.owner = owner
        self.balance = balance
        self.history = []
        self.partner = None

a = Account("ann", 10)
b = Account("bob", 20)
a.partner, b.partner = b, a
a.history.append(("deposit", 10))
pair = copy.deepcopy([a, b])
ca, cb = pair
print(ca.owner, cb.owner, ca.partner is cb, cb.partner is ca, ca is a)
ca.history.append(("withdraw", 5))
print(a.history, ca.history)
print(ca.bank is a.bank, type(ca).__name__, isinstance(cb, Account))
shallow = copy.copy(a)
print(shallow.history is a.history, shallow.partner is b, shallow is a)
memo = {}
x = [1, [2]]
y = copy.deepcopy(x, memo)
print(y, id(x) in memo, memo[id(x)] is y)
print(copy.deepcopy(None), copy.deepcopy(3.5), copy.deepcopy("s"), copy.deepcopy(len) is len)
