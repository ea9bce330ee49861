// Standard modules written in Python and run by gradlab's own interpreter (functools, ...).
//
// Note [Modules in Python]: a module's source is wrapped as the body of one function that
// returns its public names in a dict; running it gives the module's attributes. The function
// scope keeps the module's names out of the script's globals while its functions still see each
// other (through closures), and the module's Program stays alive through its functions. Names
// and reprs are then set to what CPython shows (functools.partial, not a <locals> qualname).
#include <algorithm>
#include <cctype>
#include <unordered_set>

#include "engine/script/parser.h"
#include "engine/script/runtime.h"

namespace gradlab::script {

namespace {

struct PyModuleSource {
  const char* name;
  const char* file;
  const char* exports;  // comma-separated public names (name:local where the module's own name differs)
  const char* source;
};

const PyModuleSource kModules[] = {
    {"itertools", "/usr/lib/python3.11/itertools.py",
     "count,cycle,repeat,accumulate,chain,islice,product,permutations,combinations,combinations_with_replacement,zip_longest,takewhile,dropwhile,starmap,pairwise",
     R"PY(
class _It:
    def __iter__(self):
        return self

class count(_It):
    def __init__(self, start=0, step=1):
        self._n = start
        self._step = step
    def __next__(self):
        n = self._n
        self._n += self._step
        return n
    def __repr__(self):
        return f"count({self._n!r})" if self._step == 1 else f"count({self._n!r}, {self._step!r})"

class cycle(_It):
    def __init__(self, iterable):
        self._items = list(iterable)
        self._i = 0
    def __next__(self):
        if not self._items:
            raise StopIteration
        x = self._items[self._i % len(self._items)]
        self._i += 1
        return x

class repeat(_It):
    def __init__(self, object, times=None):
        self._object = object
        self._times = times
    def __next__(self):
        if self._times is not None:
            if self._times <= 0:
                raise StopIteration
            self._times -= 1
        return self._object

class _Eager(_It):
    def _set(self, items):
        self._items = items
        self._i = 0
    def __next__(self):
        if self._i >= len(self._items):
            raise StopIteration
        self._i += 1
        return self._items[self._i - 1]

class accumulate(_It):
    def __init__(self, iterable, func=None, *, initial=None):
        self._it = iter(iterable)
        self._func = func
        self._total = initial
        self._started = initial is not None
        self._emit_initial = initial is not None
    def __next__(self):
        if self._emit_initial:
            self._emit_initial = False
            return self._total
        x = next(self._it)
        if not self._started:
            self._started = True
            self._total = x
        else:
            self._total = self._total + x if self._func is None else self._func(self._total, x)
        return self._total

class chain(_It):
    def __init__(self, *iterables):
        self._sources = iter(iterables)
        self._current = iter(())
    @classmethod
    def from_iterable(cls, iterables):
        c = cls()
        c._sources = iter(iterables)
        return c
    def __next__(self):
        while True:
            try:
                return next(self._current)
            except StopIteration:
                self._current = iter(next(self._sources))

class islice(_It):
    def __init__(self, iterable, *args):
        s = slice(*args)
        start = 0 if s.start is None else s.start
        step = 1 if s.step is None else s.step
        if start < 0 or (s.stop is not None and s.stop < 0):
            raise ValueError("Indices for islice() must be None or an integer: 0 <= x <= sys.maxsize.")
        if step <= 0:
            raise ValueError("Step for islice() must be a positive integer or None.")
        self._it = iter(iterable)
        self._next = start
        self._stop = s.stop
        self._step = step
        self._i = 0
    def __next__(self):
        if self._stop is not None and self._next >= self._stop:
            raise StopIteration
        while self._i < self._next:
            next(self._it)
            self._i += 1
        x = next(self._it)
        self._i += 1
        self._next += self._step
        return x

class product(_Eager):
    def __init__(self, *iterables, repeat=1):
        pools = [tuple(pool) for pool in iterables] * repeat
        result = [[]]
        for pool in pools:
            result = [x + [y] for x in result for y in pool]
        self._set([tuple(p) for p in result])

class permutations(_Eager):
    def __init__(self, iterable, r=None):
        pool = tuple(iterable)
        n = len(pool)
        r = n if r is None else r
        out = []
        def build(prefix):
            if len(prefix) == r:
                out.append(tuple(pool[i] for i in prefix))
                return
            for i in range(n):
                if i not in prefix:
                    build(prefix + [i])
        if r <= n:
            build([])
        self._set(out)

def _index_combinations(pool, r, repeat):
    # r-tuples of pool items at increasing indices (non-decreasing when repeat), in
    # itertools' order.
    n = len(pool)
    out = []
    def build(start, prefix):
        if len(prefix) == r:
            out.append(tuple(pool[i] for i in prefix))
            return
        for i in range(start, n):
            build(i if repeat else i + 1, prefix + [i])
    if (n > 0 or r == 0) if repeat else r <= n:
        build(0, [])
    return out

class combinations(_Eager):
    def __init__(self, iterable, r):
        self._set(_index_combinations(tuple(iterable), r, False))

class combinations_with_replacement(_Eager):
    def __init__(self, iterable, r):
        self._set(_index_combinations(tuple(iterable), r, True))

class zip_longest(_It):
    def __init__(self, *iterables, fillvalue=None):
        self._its = [iter(it) for it in iterables]
        self._fill = fillvalue
    def __next__(self):
        if not self._its:
            raise StopIteration
        values = []
        active = 0
        for i, it in enumerate(self._its):
            if it is None:
                values.append(self._fill)
                continue
            try:
                values.append(next(it))
                active += 1
            except StopIteration:
                self._its[i] = None
                values.append(self._fill)
        if not active:
            raise StopIteration
        return tuple(values)

class takewhile(_It):
    def __init__(self, predicate, iterable):
        self._p = predicate
        self._it = iter(iterable)
        self._done = False
    def __next__(self):
        if self._done:
            raise StopIteration
        x = next(self._it)
        if self._p(x):
            return x
        self._done = True
        raise StopIteration

class dropwhile(_It):
    def __init__(self, predicate, iterable):
        self._p = predicate
        self._it = iter(iterable)
        self._dropping = True
    def __next__(self):
        while self._dropping:
            x = next(self._it)
            if not self._p(x):
                self._dropping = False
                return x
        return next(self._it)

class starmap(_It):
    def __init__(self, function, iterable):
        self._f = function
        self._it = iter(iterable)
    def __next__(self):
        return self._f(*next(self._it))

class pairwise(_It):
    def __init__(self, iterable):
        self._it = iter(iterable)
        self._prev = None
        self._started = False
    def __next__(self):
        if not self._started:
            self._prev = next(self._it)
            self._started = True
        x = next(self._it)
        pair = (self._prev, x)
        self._prev = x
        return pair
)PY"},
    {"operator", "/usr/lib/python3.11/operator.py",
     "add,sub,mul,truediv,floordiv,mod,pow,neg,pos,abs:_abs,matmul,eq,ne,lt,le,gt,ge,not_,truth,contains,getitem,itemgetter,attrgetter,methodcaller,and_,or_,xor,index",
     R"PY(
def add(a, b):
    return a + b
def sub(a, b):
    return a - b
def mul(a, b):
    return a * b
def truediv(a, b):
    return a / b
def floordiv(a, b):
    return a // b
def mod(a, b):
    return a % b
def pow(a, b):
    return a ** b
def matmul(a, b):
    return a @ b
def neg(a):
    return -a
def pos(a):
    return +a
def _abs(a):
    return abs(a)
def eq(a, b):
    return a == b
def ne(a, b):
    return a != b
def lt(a, b):
    return a < b
def le(a, b):
    return a <= b
def gt(a, b):
    return a > b
def ge(a, b):
    return a >= b
def not_(a):
    return not a
def truth(a):
    return True if a else False
def contains(a, b):
    return b in a
def getitem(a, b):
    return a[b]
def and_(a, b):
    return a & b
def or_(a, b):
    return a | b
def xor(a, b):
    return a ^ b
def index(a):
    return a.__index__() if not isinstance(a, int) else a

class itemgetter:
    def __init__(self, item, *items):
        self._items = (item,) + items
    def __call__(self, obj):
        if len(self._items) == 1:
            return obj[self._items[0]]
        return tuple(obj[i] for i in self._items)
    def __repr__(self):
        return "operator.itemgetter(" + ", ".join(repr(i) for i in self._items) + ")"

class attrgetter:
    def __init__(self, attr, *attrs):
        self._attrs = (attr,) + attrs
    def _get(self, obj, name):
        for part in name.split("."):
            obj = getattr(obj, part)
        return obj
    def __call__(self, obj):
        if len(self._attrs) == 1:
            return self._get(obj, self._attrs[0])
        return tuple(self._get(obj, a) for a in self._attrs)

class methodcaller:
    def __init__(self, name, /, *args, **kwargs):
        self._name = name
        self._args = args
        self._kwargs = kwargs
    def __call__(self, obj):
        return getattr(obj, self._name)(*self._args, **self._kwargs)
)PY"},
    {"string", "/usr/lib/python3.11/string.py",
     "ascii_letters,ascii_lowercase,ascii_uppercase,digits,hexdigits,octdigits,punctuation,whitespace,printable,capwords",
     R"PY(
whitespace = ' \t\n\r\v\f'
ascii_lowercase = 'abcdefghijklmnopqrstuvwxyz'
ascii_uppercase = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ'
ascii_letters = ascii_lowercase + ascii_uppercase
digits = '0123456789'
hexdigits = digits + 'abcdef' + 'ABCDEF'
octdigits = '01234567'
punctuation = r"""!"#$%&'()*+,-./:;<=>?@[\]^_`{|}~"""
printable = digits + ascii_letters + punctuation + whitespace

def capwords(s, sep=None):
    return (sep or ' ').join(x.capitalize() for x in s.split(sep))
)PY"},
    {"collections", "/usr/lib/python3.11/collections/__init__.py", "OrderedDict,defaultdict,namedtuple,Counter,deque", R"PY(
class _DictLike:
    def __init__(self):
        self._d = {}
    def __getitem__(self, key):
        return self._d[key]
    def __setitem__(self, key, value):
        self._d[key] = value
    def __delitem__(self, key):
        del self._d[key]
    def __contains__(self, key):
        return key in self._d
    def __iter__(self):
        return iter(self._d)
    def __len__(self):
        return len(self._d)
    def __eq__(self, other):
        if isinstance(other, _DictLike):
            other = other._d
        return self._d == other
    def keys(self):
        return self._d.keys()
    def values(self):
        return self._d.values()
    def items(self):
        return self._d.items()
    def get(self, key, default=None):
        return self._d.get(key, default)
    def pop(self, key, *default):
        return self._d.pop(key, *default)
    def setdefault(self, key, default=None):
        return self._d.setdefault(key, default)
    def update(self, *args, **kwargs):
        self._d.update(*args, **kwargs)
    def clear(self):
        self._d.clear()
    def copy(self):
        new = type(self).__new_empty__(self)
        new._d = dict(self._d)
        return new

class defaultdict(_DictLike):
    def __init__(self, default_factory=None, *args, **kwargs):
        if default_factory is not None and not callable(default_factory):
            raise TypeError("first argument must be callable or None")
        self._d = dict(*args, **kwargs)
        self.default_factory = default_factory
    def __getitem__(self, key):
        if key in self._d:
            return self._d[key]
        return self.__missing__(key)
    def __missing__(self, key):
        if self.default_factory is None:
            raise KeyError(key)
        value = self.default_factory()
        self._d[key] = value
        return value
    def __repr__(self):
        return f"defaultdict({self.default_factory!r}, {self._d!r})"
    def __new_empty__(self):
        return defaultdict(self.default_factory)

class OrderedDict(_DictLike):
    def __init__(self, *args, **kwargs):
        self._d = dict(*args, **kwargs)
    def __repr__(self):
        if not self._d:
            return "OrderedDict()"
        return f"OrderedDict({list(self._d.items())!r})"
    def move_to_end(self, key, last=True):
        value = self._d.pop(key)
        if last:
            self._d[key] = value
        else:
            rest = self._d
            self._d = {key: value}
            self._d.update(rest)
    def popitem(self, last=True):
        if not self._d:
            raise KeyError("dictionary is empty")
        key = list(self._d)[-1 if last else 0]
        return (key, self._d.pop(key))
    def __new_empty__(self):
        return OrderedDict()

class Counter(_DictLike):
    def __init__(self, iterable=None, **kwds):
        self._d = {}
        self.update(iterable, **kwds)
    def __getitem__(self, key):
        return self._d.get(key, 0)
    def update(self, iterable=None, **kwds):
        if iterable is not None:
            if isinstance(iterable, (dict, _DictLike)):
                for key, count in iterable.items():
                    self._d[key] = self._d.get(key, 0) + count
            else:
                for key in iterable:
                    self._d[key] = self._d.get(key, 0) + 1
        for key, count in kwds.items():
            self._d[key] = self._d.get(key, 0) + count
    def most_common(self, n=None):
        items = sorted(self._d.items(), key=lambda kv: kv[1], reverse=True)
        return items if n is None else items[:n]
    def elements(self):
        out = []
        for key, count in self._d.items():
            out.extend([key] * count)
        return out
    def total(self):
        return sum(self._d.values())
    def __repr__(self):
        if not self._d:
            return "Counter()"
        return "Counter({" + ", ".join(f"{k!r}: {v!r}" for k, v in self.most_common()) + "})"
    def __new_empty__(self):
        return Counter()

class deque:
    def __init__(self, iterable=(), maxlen=None):
        self._items = []
        self.maxlen = maxlen
        self.extend(iterable)
    def append(self, x):
        self._items.append(x)
        if self.maxlen is not None and len(self._items) > self.maxlen:
            del self._items[0]
    def appendleft(self, x):
        self._items.insert(0, x)
        if self.maxlen is not None and len(self._items) > self.maxlen:
            self._items.pop()
    def extend(self, iterable):
        for x in iterable:
            self.append(x)
    def extendleft(self, iterable):
        for x in iterable:
            self.appendleft(x)
    def pop(self):
        if not self._items:
            raise IndexError("pop from an empty deque")
        return self._items.pop()
    def popleft(self):
        if not self._items:
            raise IndexError("pop from an empty deque")
        return self._items.pop(0)
    def clear(self):
        self._items.clear()
    def rotate(self, n=1):
        if self._items:
            n = n % len(self._items)
            self._items = self._items[-n:] + self._items[:-n]
    def __len__(self):
        return len(self._items)
    def __iter__(self):
        return iter(self._items)
    def __getitem__(self, i):
        return self._items[i]
    def __setitem__(self, i, v):
        self._items[i] = v
    def __contains__(self, x):
        return x in self._items
    def __eq__(self, other):
        return isinstance(other, deque) and self._items == other._items
    def __repr__(self):
        if self.maxlen is None:
            return f"deque({self._items!r})"
        return f"deque({self._items!r}, maxlen={self.maxlen})"

def namedtuple(typename, field_names, *, defaults=None):
    if isinstance(field_names, str):
        field_names = field_names.replace(",", " ").split()
    fields = tuple(field_names)
    defaults = tuple(defaults) if defaults is not None else ()

    class _NamedTuple:
        _fields = fields
        def __init__(self, *args, **kwargs):
            if len(args) > len(fields):
                raise TypeError(f"{typename}.__new__() takes {len(fields) + 1} positional arguments but {len(args) + 1} were given")
            values = list(args)
            for name in fields[len(args):]:
                if name in kwargs:
                    values.append(kwargs.pop(name))
                elif len(fields) - len(values) <= len(defaults):
                    values.append(defaults[len(defaults) - (len(fields) - len(values))])
                else:
                    raise TypeError(f"{typename}.__new__() missing 1 required positional argument: '{name}'")
            if kwargs:
                raise TypeError(f"{typename}.__new__() got an unexpected keyword argument '{list(kwargs)[0]}'")
            object.__setattr__(self, "_values", tuple(values))
        def __getattr__(self, name):
            if name in fields:
                return self._values[fields.index(name)]
            raise AttributeError(f"'{typename}' object has no attribute '{name}'")
        def __setattr__(self, name, value):
            raise AttributeError("can't set attribute")
        def __getitem__(self, i):
            return self._values[i]
        def __len__(self):
            return len(fields)
        def __iter__(self):
            return iter(self._values)
        def __eq__(self, other):
            if isinstance(other, _NamedTuple):
                other = other._values
            return self._values == other
        def __hash__(self):
            return hash(self._values)
        def __repr__(self):
            return typename + "(" + ", ".join(f"{n}={v!r}" for n, v in zip(fields, self._values)) + ")"
        def _asdict(self):
            return dict(zip(fields, self._values))
        def _replace(self, **kwargs):
            values = [kwargs.pop(n, v) for n, v in zip(fields, self._values)]
            return type(self)(*values)
        @classmethod
        def _make(cls, iterable):
            return cls(*iterable)

    _NamedTuple.__name__ = typename
    _NamedTuple.__qualname__ = typename
    return _NamedTuple
)PY"},
    // sys: argv and the streams' writers are filled in by Interp::module (sys_module_ready).
    {"sys", "", "version_info,version,hexversion,maxsize,float_info,platform,byteorder,exit,stdout,stderr,argv,getrecursionlimit,modules,path,implementation", R"PY(
class _StructSeq:
    def __init__(self, name, fields, values):
        object.__setattr__(self, "_name", name)
        object.__setattr__(self, "_fields", fields)
        object.__setattr__(self, "_values", tuple(values))
    def __getattr__(self, name):
        if name in self._fields:
            return self._values[self._fields.index(name)]
        raise AttributeError(f"'{self._name}' object has no attribute '{name}'")
    def __setattr__(self, name, value):
        raise AttributeError("readonly attribute")
    def __repr__(self):
        return self._name + "(" + ", ".join(f"{n}={v!r}" for n, v in zip(self._fields, self._values)) + ")"
    def __getitem__(self, i):
        return self._values[i]
    def __len__(self):
        return len(self._values)
    def __iter__(self):
        return iter(self._values)
    def __hash__(self):
        return hash(self._values)
    def __eq__(self, other):
        return self._values == (other._values if isinstance(other, _StructSeq) else other)
    def __lt__(self, other):
        return self._values < tuple(other)
    def __le__(self, other):
        return self._values <= tuple(other)
    def __gt__(self, other):
        return self._values > tuple(other)
    def __ge__(self, other):
        return self._values >= tuple(other)

version_info = _StructSeq("sys.version_info", ("major", "minor", "micro", "releaselevel", "serial"), (3, 11, 7, "final", 0))
version = "3.11.7 (gradlab)"
hexversion = 0x30b07f0
maxsize = 9223372036854775807
float_info = _StructSeq("sys.float_info", ("max", "max_exp", "max_10_exp", "min", "min_exp", "min_10_exp", "dig",
                                           "mant_dig", "epsilon", "radix", "rounds"),
                        (1.7976931348623157e+308, 1024, 308, 2.2250738585072014e-308, -1021, -307, 15, 53,
                         2.220446049250313e-16, 2, 1))
platform = "linux"
byteorder = "little"
argv = []
modules = {}
path = []
implementation = _StructSeq("namespace", ("name", "cache_tag"), ("cpython", "cpython-311"))

def exit(status=None):
    if status is None:
        raise SystemExit
    raise SystemExit(status)

def getrecursionlimit():
    return 1000

class _TextIO:
    def __init__(self, name, fileno):
        self.name = "<" + name + ">"
        self._fileno = fileno
        self._write = None
    def write(self, s):
        if not isinstance(s, str):
            raise TypeError(f"write() argument must be str, not {type(s).__name__}")
        self._write(s)
        return len(s)
    def writelines(self, lines):
        for line in lines:
            self.write(line)
    def flush(self):
        pass
    def fileno(self):
        return self._fileno
    def isatty(self):
        return False
    def __repr__(self):
        return f"<_io.TextIOWrapper name='{self.name}' mode='w' encoding='utf-8'>"

stdout = _TextIO("stdout", 1)
stderr = _TextIO("stderr", 2)
)PY"},
    {"functools", "/usr/lib/python3.11/functools.py", "reduce,partial,wraps,update_wrapper,WRAPPER_ASSIGNMENTS", R"PY(
WRAPPER_ASSIGNMENTS = ('__module__', '__name__', '__qualname__', '__doc__')
_initial_missing = object()

def reduce(function, sequence, initial=_initial_missing):
    it = iter(sequence)
    if initial is _initial_missing:
        try:
            value = next(it)
        except StopIteration:
            raise TypeError("reduce() of empty iterable with no initial value") from None
    else:
        value = initial
    for element in it:
        value = function(value, element)
    return value

class partial:
    def __init__(self, func, /, *args, **keywords):
        if not callable(func):
            raise TypeError("the first argument must be callable")
        if isinstance(func, partial):
            args = func.args + args
            keywords = {**func.keywords, **keywords}
            func = func.func
        self.func = func
        self.args = args
        self.keywords = keywords

    def __call__(self, /, *args, **keywords):
        keywords = {**self.keywords, **keywords}
        return self.func(*self.args, *args, **keywords)

    def __repr__(self):
        args = [repr(self.func)]
        args.extend(repr(x) for x in self.args)
        args.extend(f"{k}={v!r}" for (k, v) in self.keywords.items())
        return "functools.partial(" + ", ".join(args) + ")"

def update_wrapper(wrapper, wrapped, assigned=WRAPPER_ASSIGNMENTS, updated=()):
    for attr in assigned:
        try:
            value = getattr(wrapped, attr)
        except AttributeError:
            pass
        else:
            setattr(wrapper, attr, value)
    wrapper.__wrapped__ = wrapped
    return wrapper

def wraps(wrapped, assigned=WRAPPER_ASSIGNMENTS, updated=()):
    return partial(update_wrapper, wrapped=wrapped, assigned=assigned, updated=updated)
)PY"},
};

// The modules written in engine/script/py/*.py (torch.nn, torch.optim, ...), by file stem.
struct EmbeddedSource {
  const char* stem;
  const char* source;
};
const EmbeddedSource kEmbedded[] = {
#include "embedded_python.inc"
};

// The public names a module source defines at top level (class X, def X, X = ...), for a module
// whose exports are not listed: every name without a leading underscore.
std::string top_level_names(const std::string& src) {
  std::string out;
  std::unordered_set<std::string> seen;
  auto ident_at = [&](size_t b) {
    size_t e = b;
    while (e < src.size() && (std::isalnum(static_cast<unsigned char>(src[e])) || src[e] == '_')) ++e;
    return src.substr(b, e - b);
  };
  for (size_t b = 0; b < src.size();) {
    size_t e = src.find('\n', b);
    if (e == std::string::npos) e = src.size();
    std::string name;
    if (src.compare(b, 6, "class ") == 0) name = ident_at(b + 6);
    else if (src.compare(b, 4, "def ") == 0) name = ident_at(b + 4);
    else if (b < e && (std::isalpha(static_cast<unsigned char>(src[b])))) {
      name = ident_at(b);
      size_t after = b + name.size();
      while (after < e && src[after] == ' ') ++after;
      if (after >= e || src[after] != '=' || (after + 1 < e && src[after + 1] == '=')) name.clear();
      if (name == "import" || name == "from") name.clear();
    }
    if (!name.empty() && name[0] != '_' && seen.insert(name).second) out += (out.empty() ? "" : ",") + name;
    b = e + 1;
  }
  return out;
}

// A class's __module__ as its body set it (torch.nn.modules.linear), kept for the type's life.
const char* interned_module_name(const std::string& s) {
  static std::unordered_set<std::string> names;
  return names.insert(s).first->c_str();
}

// Runs a module's source (Note [Modules in Python]) and returns its exported names and values.
std::vector<std::pair<std::string, Value>> run_module_source(Interp& in, const std::string& name, const std::string& file,
                                                             const std::string& exports, const std::string& src) {
  std::string ret = "    return {";
  for (size_t b = 0; b < exports.size();) {
    size_t e = exports.find(',', b);
    if (e == std::string::npos) e = exports.size();
    std::string n = exports.substr(b, e - b), value = n;  // "name" or "name:local_name"
    if (size_t colon = n.find(':'); colon != std::string::npos) {
      value = n.substr(colon + 1);
      n.resize(colon);
    }
    ret += "'" + n + "': " + value + ", ";
    b = e + 1;
  }
  std::string fn_name = name;
  std::replace(fn_name.begin(), fn_name.end(), '.', '_');
  std::string text = "def " + fn_name + "():\n";
  for (size_t b = 0; b < src.size();) {
    size_t e = src.find('\n', b);
    if (e == std::string::npos) e = src.size();
    std::string line = src.substr(b, e - b);
    text += line.empty() ? "\n" : "    " + line + "\n";
    b = e + 1;
  }
  text += ret + "}\n";
  std::shared_ptr<Program> prog = parse_program(make_source_file(file, text));
  in.resolve(*prog);
  auto* def = static_cast<const FunctionDefStmt*>(prog->body[0]);
  auto fn = std::make_shared<FunctionObj>();
  fn->program = prog;
  fn->info = def->fn;
  fn->qualname = fn_name;
  CallArgs none;
  Value result = in.call_function(fn.get(), none);
  std::vector<std::pair<std::string, Value>> out;
  for (auto& [k, v] : result.as<DictObj>()->entries) {
    const std::string& n = *as_str(k);
    if (auto* f = v.as<FunctionObj>()) f->qualname = n;
    if (auto* c = v.as<TypeObj>(); c && c->id == TypeId::User) {
      auto* cls = static_cast<ClassObj*>(c);
      cls->qualname = n;
      const Value* own_module = cls->own("__module__");
      const std::string* m = own_module ? as_str(*own_module) : nullptr;
      cls->module = interned_module_name(m && *m != "__main__" ? *m : name);
      if (Value* mv = cls->own("__module__")) *mv = make_str(cls->module);
      for (auto& [mk, mv] : cls->dict)
        if (auto* mf = mv.as<FunctionObj>()) mf->qualname = n + "." + mk;
    }
    out.emplace_back(n, v);
  }
  return out;
}

}  // namespace

Value python_source_module(Interp& in, const char* name, const char* file, const char* exports, const char* source) {
  auto module = std::make_shared<ModuleObj>(name, file);
  for (auto& [n, v] : run_module_source(in, name, file, exports, source)) module->attrs[n] = v;
  return Value(std::static_pointer_cast<Object>(module));
}

Value python_module(Interp& in, const std::string& name) {
  const PyModuleSource* m = nullptr;
  for (const auto& x : kModules)
    if (name == x.name) m = &x;
  if (!m) {
    // A standard module kept in engine/script/py/std_NAME.py.
    for (const auto& e : kEmbedded) {
      if ("std_" + name != e.stem) continue;
      std::string file = "/usr/lib/python3.11/" + name + ".py";
      return python_source_module(in, interned_module_name(name), interned_module_name(file), top_level_names(e.source).c_str(), e.source);
    }
    return Value();
  }
  auto module = std::make_shared<ModuleObj>(name, m->file);
  for (auto& [n, v] : run_module_source(in, name, m->file, m->exports, m->source)) module->attrs[n] = v;
  return Value(std::static_pointer_cast<Object>(module));
}

bool load_lazy_attributes(Interp& in, ModuleObj& m) {
  if (!m.lazy_source) return false;
  std::string stem = m.lazy_source;
  m.lazy_source = nullptr;  // once, even if it fails part-way (the error is reported then)
  for (const auto& e : kEmbedded) {
    if (stem != e.stem) continue;
    for (auto& [n, v] : run_module_source(in, m.name, m.file, top_level_names(e.source), e.source)) m.attrs.emplace(n, v);
    return true;
  }
  return false;
}

}  // namespace gradlab::script
