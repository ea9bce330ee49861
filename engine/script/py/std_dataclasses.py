# The dataclasses module (Python 3.11's rules, written for gradlab's interpreter): @dataclass
# reads the class's __annotations__ (Note [Class annotations]) and adds __init__, __repr__,
# __eq__, the order methods, frozen assignment checks and __hash__ as CPython's generator does.
# CPython writes each __init__ as source text and exec()s it; gradlab has no exec, so one
# __init__ binds the arguments itself and raises the messages CPython's argument binding gives.
import copy as _copy
import typing as _typing


class _MISSING_TYPE:
    __module__ = 'dataclasses'


MISSING = _MISSING_TYPE()


class FrozenInstanceError(AttributeError):
    __module__ = 'dataclasses'


class _FIELD_BASE:
    def __init__(self, name):
        self.name = name

    def __repr__(self):
        return self.name


_FIELD = _FIELD_BASE('_FIELD')
_FIELD_CLASSVAR = _FIELD_BASE('_FIELD_CLASSVAR')


class Field:
    __module__ = 'dataclasses'

    def __init__(self, default, default_factory, init, repr, hash, compare, metadata, kw_only):
        self.name = None
        self.type = None
        self.default = default
        self.default_factory = default_factory
        self.init = init
        self.repr = repr
        self.hash = hash
        self.compare = compare
        self.metadata = {} if metadata is None else metadata
        self.kw_only = kw_only
        self._field_type = None


def field(*, default=MISSING, default_factory=MISSING, init=True, repr=True, hash=None, compare=True, metadata=None,
          kw_only=MISSING):
    if default is not MISSING and default_factory is not MISSING:
        raise ValueError('cannot specify both default and default_factory')
    return Field(default, default_factory, init, repr, hash, compare, metadata, kw_only)


def _is_classvar(annotation):
    # gradlab's typing.ClassVar[T] is typing.ClassVar itself (its typing names are plain markers).
    return annotation is _typing.ClassVar


def _unhashable_class(value):
    # CPython tests `value.__class__.__hash__ is None` (list, dict, set, a class with __eq__ only).
    return type(value) in (list, dict, set) or getattr(type(value), '__hash__', 0) is None


def _get_field(cls, name, annotation, kw_only):
    default = getattr(cls, name, MISSING)
    if isinstance(default, Field):
        f = default
    else:
        f = field(default=default)
    f.name = name
    f.type = annotation
    f._field_type = _FIELD_CLASSVAR if _is_classvar(annotation) else _FIELD
    if f._field_type is _FIELD_CLASSVAR:
        if f.default_factory is not MISSING:
            raise TypeError(f'field {name} cannot have a default factory')
    elif f.kw_only is MISSING:
        f.kw_only = kw_only
    if f._field_type is _FIELD and f.default is not MISSING and _unhashable_class(f.default):
        raise ValueError(f'mutable default {type(f.default)} for field {name} is not allowed: use default_factory')
    return f


def _and_join(names):
    quoted = [repr(n) for n in names]
    if len(quoted) == 1:
        return quoted[0]
    if len(quoted) == 2:
        return quoted[0] + ' and ' + quoted[1]
    return ', '.join(quoted[:-1]) + ', and ' + quoted[-1]


def _bind_init(qualname, fields, args, kwargs):
    # CPython's argument binding for `def __init__(self, <positional fields>, *, <kw-only fields>)`.
    positional = [f for f in fields if f.init and not f.kw_only]
    keyword_only = [f for f in fields if f.init and f.kw_only]
    if len(args) > len(positional):
        required = len([f for f in positional if f.default is MISSING and f.default_factory is MISSING])
        if required == len(positional):
            takes = f'{len(positional) + 1} positional argument' + ('s' if len(positional) else '')
        else:
            takes = f'from {required + 1} to {len(positional) + 1} positional arguments'
        given = len(args) + 1
        raise TypeError(f'{qualname}() takes {takes} but {given} ' + ('was' if given == 1 else 'were') + ' given')
    values = {}
    for f, v in zip(positional, args):
        values[f.name] = v
    init_names = [f.name for f in positional + keyword_only]
    for name, v in kwargs.items():
        if name not in init_names:
            raise TypeError(f"{qualname}() got an unexpected keyword argument '{name}'")
        if name in values:
            raise TypeError(f"{qualname}() got multiple values for argument '{name}'")
        values[name] = v
    for group, kind in ((positional, 'positional'), (keyword_only, 'keyword-only')):
        missing = [f.name for f in group
                   if f.name not in values and f.default is MISSING and f.default_factory is MISSING]
        if missing:
            raise TypeError(f'{qualname}() missing {len(missing)} required {kind} argument'
                            + ('s' if len(missing) > 1 else '') + ': ' + _and_join(missing))
    return values


def _make_init(cls, fields, frozen):
    qualname = cls.__qualname__ + '.__init__'

    def __init__(self, *args, **kwargs):
        values = _bind_init(qualname, fields, args, kwargs)
        for f in fields:
            if f.name in values:
                value = values[f.name]
            elif f.default_factory is not MISSING:
                value = f.default_factory()
            elif f.init and f.default is not MISSING:
                value = f.default
            else:
                continue
            if frozen:
                object.__setattr__(self, f.name, value)
            else:
                setattr(self, f.name, value)
        if hasattr(self, '__post_init__'):
            self.__post_init__()
    return __init__


def _make_repr(fields):
    shown = [f.name for f in fields if f.repr]
    running = set()

    def __repr__(self):
        key = id(self)
        if key in running:
            return '...'
        running.add(key)
        try:
            inner = ', '.join(f'{name}={getattr(self, name)!r}' for name in shown)
        finally:
            running.discard(key)
        return self.__class__.__qualname__ + '(' + inner + ')'
    return __repr__


def _compare_method(names, op):
    def method(self, other):
        if other.__class__ is self.__class__:
            mine = tuple(getattr(self, n) for n in names)
            theirs = tuple(getattr(other, n) for n in names)
            return op(mine, theirs)
        return NotImplemented
    return method


def _frozen_methods(cls, names):
    def __setattr__(self, name, value):
        if type(self) is cls or name in names:
            raise FrozenInstanceError(f'cannot assign to field {name!r}')
        super(cls, self).__setattr__(name, value)

    def __delattr__(self, name):
        if type(self) is cls or name in names:
            raise FrozenInstanceError(f'cannot delete field {name!r}')
        super(cls, self).__delattr__(name)
    return __setattr__, __delattr__


def _set_new_attribute(cls, name, value):
    if name in cls.__dict__:
        return True
    setattr(cls, name, value)
    return False


def _type_text(annotation):
    if isinstance(annotation, type):
        if annotation.__module__ == 'builtins':
            return annotation.__qualname__
        return annotation.__module__ + '.' + annotation.__qualname__
    return repr(annotation)


def _signature_doc(cls, fields):
    parts = []
    seen_kw_only = False
    for f in fields:
        if not f.init:
            continue
        if f.kw_only and not seen_kw_only:
            parts.append('*')
            seen_kw_only = True
        text = f'{f.name}: {_type_text(f.type)}'
        if f.default_factory is not MISSING:
            text += ' = <factory>'
        elif f.default is not MISSING:
            text += f' = {f.default!r}'
        parts.append(text)
    return cls.__name__ + '(' + ', '.join(parts) + ')'


def _process_class(cls, init, repr, eq, order, unsafe_hash, frozen, match_args, kw_only):
    fields = {}
    any_frozen_base = False
    has_dataclass_bases = False
    for b in cls.__mro__[-1:0:-1]:
        base_fields = getattr(b, '__dataclass_fields__', None)
        if base_fields is not None:
            has_dataclass_bases = True
            for f in base_fields.values():
                fields[f.name] = f
            if getattr(b, '__dataclass_params__')['frozen']:
                any_frozen_base = True
    annotations = cls.__dict__.get('__annotations__', {})
    own = [_get_field(cls, name, annotation, kw_only) for name, annotation in annotations.items()]
    for f in own:
        fields[f.name] = f
        if isinstance(getattr(cls, f.name, None), Field):
            if f.default is MISSING:
                delattr(cls, f.name)
            else:
                setattr(cls, f.name, f.default)
    for name, value in cls.__dict__.items():
        if isinstance(value, Field) and name not in annotations:
            raise TypeError(f'{name!r} is a field but has no type annotation')
    if has_dataclass_bases:
        if any_frozen_base and not frozen:
            raise TypeError('cannot inherit non-frozen dataclass from a frozen one')
        if not any_frozen_base and frozen:
            raise TypeError('cannot inherit frozen dataclass from a non-frozen one')
    cls.__dataclass_params__ = {'init': init, 'repr': repr, 'eq': eq, 'order': order,
                                'unsafe_hash': unsafe_hash, 'frozen': frozen}
    cls.__dataclass_fields__ = fields
    class_hash = cls.__dict__.get('__hash__', MISSING)
    has_explicit_hash = not (class_hash is MISSING or (class_hash is None and '__eq__' in cls.__dict__))
    all_fields = [f for f in fields.values() if f._field_type is _FIELD]
    init_fields = [f for f in all_fields if f.init]
    if init:
        seen_default = False
        for f in init_fields:
            if f.kw_only:
                continue
            if not (f.default is MISSING and f.default_factory is MISSING):
                seen_default = True
            elif seen_default:
                raise TypeError(f'non-default argument {f.name!r} follows default argument')
        _set_new_attribute(cls, '__init__', _make_init(cls, all_fields, frozen))
    if repr:
        _set_new_attribute(cls, '__repr__', _make_repr(all_fields))
    compared = [f.name for f in all_fields if f.compare]
    if eq:
        _set_new_attribute(cls, '__eq__', _compare_method(compared, lambda a, b: a == b))
    if order:
        if not eq:
            raise ValueError('eq must be true if order is true')
        for name, op in (('__lt__', lambda a, b: a < b), ('__le__', lambda a, b: a <= b),
                         ('__gt__', lambda a, b: a > b), ('__ge__', lambda a, b: a >= b)):
            if _set_new_attribute(cls, name, _compare_method(compared, op)):
                raise TypeError(f'Cannot overwrite attribute {name} in class {cls.__name__}. '
                                'Consider using functools.total_ordering')
    if frozen:
        setter, deleter = _frozen_methods(cls, [f.name for f in all_fields])
        for name, fn in (('__setattr__', setter), ('__delattr__', deleter)):
            if _set_new_attribute(cls, name, fn):
                raise TypeError(f'Cannot overwrite attribute {name} in class {cls.__name__}')
    hashed = [f.name for f in all_fields if (f.compare if f.hash is None else f.hash)]
    if unsafe_hash:
        if has_explicit_hash:
            raise TypeError(f'Cannot overwrite attribute __hash__ in class {cls.__name__}')
        cls.__hash__ = lambda self: hash(tuple(getattr(self, n) for n in hashed))
    elif eq and frozen:
        if not has_explicit_hash:
            cls.__hash__ = lambda self: hash(tuple(getattr(self, n) for n in hashed))
    elif eq:
        if not has_explicit_hash:
            cls.__hash__ = None
    if not getattr(cls, '__doc__'):
        cls.__doc__ = _signature_doc(cls, all_fields)
    if match_args:
        _set_new_attribute(cls, '__match_args__', tuple(f.name for f in init_fields if not f.kw_only))
    return cls


def dataclass(cls=None, /, *, init=True, repr=True, eq=True, order=False, unsafe_hash=False, frozen=False,
              match_args=True, kw_only=False, slots=False, weakref_slot=False):
    if slots or weakref_slot:
        raise NotImplementedError('dataclass(slots=True) is not supported by gradlab')

    def wrap(cls):
        return _process_class(cls, init, repr, eq, order, unsafe_hash, frozen, match_args, kw_only)
    if cls is None:
        return wrap
    return wrap(cls)


def fields(class_or_instance):
    try:
        found = class_or_instance.__dataclass_fields__
    except AttributeError:
        raise TypeError('must be called with a dataclass type or instance') from None
    return tuple(f for f in found.values() if f._field_type is _FIELD)


def is_dataclass(obj):
    cls = obj if isinstance(obj, type) else type(obj)
    return hasattr(cls, '__dataclass_fields__')


def _is_dataclass_instance(obj):
    return hasattr(type(obj), '__dataclass_fields__')


def _as_container(obj, make):
    if _is_dataclass_instance(obj):
        return make([_as_container(getattr(obj, f.name), make) for f in fields(obj)], obj)
    if isinstance(obj, (list, tuple)):
        return type(obj)(_as_container(v, make) for v in obj)
    if isinstance(obj, dict):
        return type(obj)((_as_container(k, make), _as_container(v, make)) for k, v in obj.items())
    return _copy.deepcopy(obj)


def asdict(obj, *, dict_factory=dict):
    if not _is_dataclass_instance(obj):
        raise TypeError('asdict() should be called on dataclass instances')
    return _as_container(obj, lambda values, o: dict_factory([(f.name, v) for f, v in zip(fields(o), values)]))


def astuple(obj, *, tuple_factory=tuple):
    if not _is_dataclass_instance(obj):
        raise TypeError('astuple() should be called on dataclass instances')
    return _as_container(obj, lambda values, o: tuple_factory(values))


def replace(obj, /, **changes):
    if not _is_dataclass_instance(obj):
        raise TypeError('replace() should be called on dataclass instances')
    for f in fields(obj):
        if not f.init:
            if f.name in changes:
                raise ValueError(f'field {f.name} is declared with init=False, it cannot be specified with replace()')
            continue
        if f.name not in changes:
            changes[f.name] = getattr(obj, f.name)
    return obj.__class__(**changes)
