# PEP 479: a StopIteration escaping a generator becomes a RuntimeError.
def firsts(iterables):
    for it in iterables:
        yield next(iter(it))

print(list(firsts([[1], [2, 3]])))
print(list(firsts([[1], []])))
