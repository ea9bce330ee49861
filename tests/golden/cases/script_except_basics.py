# try/except/else/finally, the exception hierarchy, user exception classes, raise forms
class AppError(Exception):
    pass


class ConfigError(AppError):
    def __init__(self, key, detail="missing"):
        super().__init__(f"{key}: {detail}")
        self.key = key


class Quiet(AppError):
    def __str__(self):
        return "quiet!"


def check(n):
    if n == 0:
        raise ConfigError("lr")
    if n == 1:
        raise Quiet("ignored text")
    if n == 2:
        return 10 // 0
    if n == 3:
        return [][0]
    if n == 4:
        return {}["key"]
    if n == 5:
        return int("seven")
    if n == 6:
        raise AppError
    if n == 7:
        raise NotImplementedError("later")
    return n * 2


for n in range(9):
    try:
        result = check(n)
    except ConfigError as e:
        print("config", e, e.key, e.args, repr(e))
    except AppError as e:
        print("app", type(e).__name__, str(e), e.args, repr(e))
    except (ZeroDivisionError, IndexError) as e:
        print("arith/index", type(e).__name__, e)
    except LookupError as e:
        print("lookup", type(e).__name__, e, e.args)
    except ValueError as e:
        print("value", e)
    except Exception as e:
        print("other", type(e).__name__, e, isinstance(e, RuntimeError))
    else:
        print("ok", result)
    finally:
        print("finally", n)


def early(flag):
    try:
        if flag:
            return "from try"
    finally:
        print("cleanup", flag)
    return "after"


print(early(True), early(False))


def override():
    try:
        return 1
    finally:
        return 2


print(override())
for i in range(4):
    try:
        if i == 1:
            continue
        if i == 3:
            break
        print("body", i)
    finally:
        print("fin", i)
try:
    try:
        raise KeyError("k")
    except KeyError:
        print("handling")
        raise
except LookupError as e:
    print("re-raised", repr(e), e)
try:
    assert 2 + 2 == 5, "arithmetic"
except AssertionError as e:
    print("assert", e)
try:
    assert False
except AssertionError as e:
    print("bare assert", repr(e))
try:
    raise ValueError("a", 1)
except ValueError as e:
    print(e, e.args)
try:
    undefined_thing
except NameError as e:
    print(e)
try:
    try:
        1 / 0
    finally:
        print("inner finally")
except ZeroDivisionError:
    print("outer caught")
try:
    pass
except Exception:
    print("never")
else:
    print("else runs")
e = "still here"
try:
    raise TypeError("x")
except TypeError as e:
    pass
print("e" in dir() if False else "name e deleted")
try:
    print(e)
except NameError as err:
    print(err)
print(issubclass(ConfigError, Exception), issubclass(KeyError, LookupError), issubclass(RecursionError, RuntimeError))
print(issubclass(ModuleNotFoundError, ImportError), issubclass(UnboundLocalError, NameError), issubclass(Exception, BaseException))
print(isinstance(ConfigError("a"), AppError), ConfigError.__mro__[1:3])
try:
    raise 5
except TypeError as e:
    print(e)
try:
    try:
        pass
    except int:
        pass
    1 / 0
except ZeroDivisionError as e:
    print("ok", e)
raise ConfigError("epochs", "must be positive")
