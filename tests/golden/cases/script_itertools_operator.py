# itertools, operator and string (written in Python, Note [Modules in Python])
import itertools
from itertools import count, islice, chain, product, accumulate, combinations, permutations, zip_longest
import operator
import string
from operator import itemgetter, attrgetter

print(list(islice(count(), 5)), list(islice(count(10, 5), 3)), list(islice("abcdefg", 1, 6, 2)))
print(list(chain([1, 2], (3,), "ab")), list(chain.from_iterable([[1], [2, 3]])))
print(list(product("ab", [0, 1])), list(product([1, 2], repeat=2)))
print(list(accumulate([1, 2, 3, 4])), list(accumulate([1, 2, 3], operator.mul)), list(accumulate([1, 2], initial=100)))
print(list(combinations("abcd", 2)), list(permutations([1, 2, 3], 2)), len(list(permutations(range(4)))))
print(list(zip_longest("abc", [1], fillvalue="-")), list(itertools.repeat("x", 3)))
print(list(islice(itertools.cycle([1, 2]), 5)), list(itertools.takewhile(lambda v: v < 3, [1, 2, 3, 1])))
print(list(itertools.dropwhile(lambda v: v < 3, [1, 2, 3, 1])), list(itertools.starmap(pow, [(2, 3), (3, 2)])))
print(list(itertools.pairwise([1, 2, 3])), list(itertools.combinations_with_replacement("ab", 2)))
for i, (a, b) in zip(count(1), [("x", 1), ("y", 2)]):
    print(i, a, b)
c = count(3)
print(next(c), next(c), c)
print(operator.add(2, 3), operator.mul("ab", 2), operator.neg(4), operator.abs(-3), operator.getitem([5, 6], 1))
rows = [("bob", 3), ("amy", 5), ("cat", 1)]
print(sorted(rows, key=itemgetter(1)), itemgetter(0, 1)(rows[0]), max(rows, key=operator.itemgetter(1)))


class P:
    def __init__(self, name):
        self.name = name


print([attrgetter("name")(p) for p in [P("a"), P("b")]], operator.methodcaller("upper")("hi"))
print(string.ascii_lowercase, string.digits, string.ascii_uppercase[:5], len(string.punctuation), string.capwords("hello world"))
