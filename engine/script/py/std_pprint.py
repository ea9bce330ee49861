# The pprint module (Python 3.11's pprint.py rules, written for gradlab's interpreter): a value
# whose repr fits in the width is printed as that repr (dicts with sorted keys); a longer dict,
# list, tuple, set, frozenset or str is broken over lines, one item per line, each nested value
# formatted in the width left to it.

def _key_sorted(items, key=None):
    try:
        return sorted(items, key=key)
    except TypeError:
        k = key if key is not None else (lambda x: x)
        return sorted(items, key=lambda x: (str(type(k(x))), repr(k(x))))

def _split_words(line):
    # re.findall(r'\S*\s*', line) without its final empty match
    parts = []
    i = 0
    n = len(line)
    while i < n:
        j = i
        while j < n and not line[j].isspace():
            j += 1
        while j < n and line[j].isspace():
            j += 1
        parts.append(line[i:j])
        i = j
    return parts


class PrettyPrinter:
    def __init__(self, indent=1, width=80, depth=None, stream=None, *, compact=False, sort_dicts=True,
                 underscore_numbers=False):
        indent = int(indent)
        width = int(width)
        if indent < 0:
            raise ValueError('indent must be >= 0')
        if depth is not None and depth <= 0:
            raise ValueError('depth must be > 0')
        if not width:
            raise ValueError('width must be != 0')
        self._depth = depth
        self._indent_per_level = indent
        self._width = width
        self._stream = stream
        self._compact = bool(compact)
        self._sort_dicts = sort_dicts
        self._underscore_numbers = underscore_numbers

    def pprint(self, object):
        text = self.pformat(object)
        if self._stream is not None:
            self._stream.write(text + "\n")
        else:
            print(text)

    def pformat(self, object):
        out = []
        self._format(object, out, 0, 0, {}, 0)
        return "".join(out)

    def isrecursive(self, object):
        return self.format(object, {}, 0, 0)[2]

    def isreadable(self, object):
        s, readable, recursive = self.format(object, {}, 0, 0)
        return readable and not recursive

    def _format(self, object, stream, indent, allowance, context, level):
        objid = id(object)
        if objid in context:
            stream.append(_recursion(object))
            return
        rep = self._repr(object, context, level)
        max_width = self._width - indent - allowance
        if len(rep) > max_width:
            t = type(object)
            if t in _dispatch_types:
                p = _dispatch[t.__name__]
            elif t.__name__ in _collections_dispatch and getattr(t, "__module__", None) == "collections":
                p = _collections_dispatch[t.__name__]
            else:
                p = None
            if p is not None:
                context[objid] = 1
                p(self, object, stream, indent, allowance, context, level + 1)
                del context[objid]
                return
        stream.append(rep)

    def _pprint_dict(self, object, stream, indent, allowance, context, level):
        stream.append('{')
        if self._indent_per_level > 1:
            stream.append((self._indent_per_level - 1) * ' ')
        if len(object):
            if self._sort_dicts:
                items = _key_sorted(list(object.items()), key=lambda kv: kv[0])
            else:
                items = list(object.items())
            self._format_dict_items(items, stream, indent, allowance + 1, context, level)
        stream.append('}')

    def _pprint_list(self, object, stream, indent, allowance, context, level):
        stream.append('[')
        self._format_items(object, stream, indent, allowance + 1, context, level)
        stream.append(']')

    def _pprint_tuple(self, object, stream, indent, allowance, context, level):
        stream.append('(')
        endchar = ',)' if len(object) == 1 else ')'
        self._format_items(object, stream, indent, allowance + len(endchar), context, level)
        stream.append(endchar)

    def _pprint_set(self, object, stream, indent, allowance, context, level):
        if not len(object):
            stream.append(repr(object))
            return
        if type(object) is set:
            stream.append('{')
            endchar = '}'
        else:
            stream.append(type(object).__name__ + '({')
            endchar = '})'
            indent += len(type(object).__name__) + 1
        object = _key_sorted(object)
        self._format_items(object, stream, indent, allowance + len(endchar), context, level)
        stream.append(endchar)

    def _pprint_str(self, object, stream, indent, allowance, context, level):
        if not len(object):
            stream.append(repr(object))
            return
        chunks = []
        lines = object.splitlines(True)
        if level == 1:
            indent += 1
            allowance += 1
        max_width1 = max_width = self._width - indent
        rep = ''
        for i, line in enumerate(lines):
            rep = repr(line)
            if i == len(lines) - 1:
                max_width1 -= allowance
            if len(rep) <= max_width1:
                chunks.append(rep)
            else:
                parts = _split_words(line)
                max_width2 = max_width
                current = ''
                for j, part in enumerate(parts):
                    candidate = current + part
                    if j == len(parts) - 1 and i == len(lines) - 1:
                        max_width2 -= allowance
                    if len(repr(candidate)) > max_width2:
                        if current:
                            chunks.append(repr(current))
                        current = part
                    else:
                        current = candidate
                if current:
                    chunks.append(repr(current))
        if len(chunks) == 1:
            stream.append(rep)
            return
        if level == 1:
            stream.append('(')
        for i, rep in enumerate(chunks):
            if i > 0:
                stream.append('\n' + ' ' * indent)
            stream.append(rep)
        if level == 1:
            stream.append(')')

    def _pprint_ordered_dict(self, object, stream, indent, allowance, context, level):
        if not len(object):
            stream.append(repr(object))
            return
        name = type(object).__name__
        stream.append(name + '(')
        self._format(list(object.items()), stream, indent + len(name) + 1, allowance + 1, context, level)
        stream.append(')')

    def _pprint_default_dict(self, object, stream, indent, allowance, context, level):
        if not len(object):
            stream.append(repr(object))
            return
        rdf = self._repr(object.default_factory, context, level)
        name = type(object).__name__
        indent += len(name) + 1
        stream.append(name + '(' + rdf + ',\n' + ' ' * indent)
        self._pprint_dict(object, stream, indent, allowance + 1, context, level)
        stream.append(')')

    def _pprint_counter(self, object, stream, indent, allowance, context, level):
        if not len(object):
            stream.append(repr(object))
            return
        name = type(object).__name__
        stream.append(name + '({')
        if self._indent_per_level > 1:
            stream.append((self._indent_per_level - 1) * ' ')
        self._format_dict_items(object.most_common(), stream, indent + len(name) + 1, allowance + 2, context, level)
        stream.append('})')

    def _format_dict_items(self, items, stream, indent, allowance, context, level):
        indent += self._indent_per_level
        delimnl = ',\n' + ' ' * indent
        last_index = len(items) - 1
        for i, (key, ent) in enumerate(items):
            last = i == last_index
            rep = self._repr(key, context, level)
            stream.append(rep)
            stream.append(': ')
            self._format(ent, stream, indent + len(rep) + 2, allowance if last else 1, context, level)
            if not last:
                stream.append(delimnl)

    def _format_items(self, items, stream, indent, allowance, context, level):
        indent += self._indent_per_level
        if self._indent_per_level > 1:
            stream.append((self._indent_per_level - 1) * ' ')
        delimnl = ',\n' + ' ' * indent
        delim = ''
        width = max_width = self._width - indent + 1
        items = list(items)
        for i, ent in enumerate(items):
            last = i == len(items) - 1
            if last:
                max_width -= allowance
                width -= allowance
            if self._compact:
                rep = self._repr(ent, context, level)
                w = len(rep) + 2
                if width < w:
                    width = max_width
                    if delim:
                        delim = delimnl
                if width >= w:
                    width -= w
                    stream.append(delim)
                    delim = ', '
                    stream.append(rep)
                    continue
            stream.append(delim)
            delim = delimnl
            self._format(ent, stream, indent, allowance if last else 1, context, level)

    def _repr(self, object, context, level):
        repr, readable, recursive = self.format(object, context.copy(), self._depth, level)
        return repr

    def format(self, object, context, maxlevels, level):
        return self._safe_repr(object, context, maxlevels, level)

    def _safe_repr(self, object, context, maxlevels, level):
        typ = type(object)
        if typ in (str, int, float, bool, type(None)):
            if typ is int and self._underscore_numbers:
                return f"{object:_d}", True, False
            return repr(object), True, False
        if typ is dict:
            if not object:
                return "{}", True, False
            objid = id(object)
            if maxlevels and level >= maxlevels:
                return "{...}", False, objid in context
            if objid in context:
                return _recursion(object), False, True
            context[objid] = 1
            readable = True
            recursive = False
            components = []
            level += 1
            if self._sort_dicts:
                items = _key_sorted(list(object.items()), key=lambda kv: kv[0])
            else:
                items = list(object.items())
            for k, v in items:
                krepr, kreadable, krecur = self.format(k, context, maxlevels, level)
                vrepr, vreadable, vrecur = self.format(v, context, maxlevels, level)
                components.append(f"{krepr}: {vrepr}")
                readable = readable and kreadable and vreadable
                if krecur or vrecur:
                    recursive = True
            del context[objid]
            return "{" + ", ".join(components) + "}", readable, recursive
        if typ is list or typ is tuple:
            if typ is list:
                if not object:
                    return "[]", True, False
                fmt = "[%s]"
            elif len(object) == 1:
                fmt = "(%s,)"
            else:
                if not object:
                    return "()", True, False
                fmt = "(%s)"
            objid = id(object)
            if maxlevels and level >= maxlevels:
                return fmt % "...", False, objid in context
            if objid in context:
                return _recursion(object), False, True
            context[objid] = 1
            readable = True
            recursive = False
            components = []
            level += 1
            for o in object:
                orepr, oreadable, orecur = self.format(o, context, maxlevels, level)
                components.append(orepr)
                if not oreadable:
                    readable = False
                if orecur:
                    recursive = True
            del context[objid]
            return fmt % ", ".join(components), readable, recursive
        rep = repr(object)
        return rep, (rep and not rep.startswith('<')), False


_dispatch_types = (dict, list, tuple, set, frozenset, str)
_dispatch = {
    "dict": PrettyPrinter._pprint_dict,
    "list": PrettyPrinter._pprint_list,
    "tuple": PrettyPrinter._pprint_tuple,
    "set": PrettyPrinter._pprint_set,
    "frozenset": PrettyPrinter._pprint_set,
    "str": PrettyPrinter._pprint_str,
}

_collections_dispatch = {
    "OrderedDict": PrettyPrinter._pprint_ordered_dict,
    "defaultdict": PrettyPrinter._pprint_default_dict,
    "Counter": PrettyPrinter._pprint_counter,
}


def _recursion(object):
    return f"<Recursion on {type(object).__name__} with id={id(object)}>"


def pprint(object, stream=None, indent=1, width=80, depth=None, *, compact=False, sort_dicts=True,
           underscore_numbers=False):
    printer = PrettyPrinter(stream=stream, indent=indent, width=width, depth=depth, compact=compact,
                            sort_dicts=sort_dicts, underscore_numbers=underscore_numbers)
    printer.pprint(object)


def pformat(object, indent=1, width=80, depth=None, *, compact=False, sort_dicts=True, underscore_numbers=False):
    return PrettyPrinter(indent=indent, width=width, depth=depth, compact=compact, sort_dicts=sort_dicts,
                         underscore_numbers=underscore_numbers).pformat(object)


def pp(object, *args, sort_dicts=False, **kwargs):
    pprint(object, *args, sort_dicts=sort_dicts, **kwargs)


def saferepr(object):
    return PrettyPrinter()._safe_repr(object, {}, None, 0)[0]


def isreadable(object):
    return PrettyPrinter()._safe_repr(object, {}, None, 0)[1]


def isrecursive(object):
    return PrettyPrinter()._safe_repr(object, {}, None, 0)[2]
