# Chained exceptions: raise ... from ..., implicit context, and the traceback of an uncaught one
def parse(text):
    try:
        return int(text)
    except ValueError as e:
        raise RuntimeError(f"bad config value {text!r}") from e


try:
    parse("ten")
except RuntimeError as e:
    print("caught", e)


def cleanup():
    try:
        {}["missing"]
    except KeyError:
        print(undefined_name)


try:
    cleanup()
except NameError as e:
    print("during handling:", e)
try:
    try:
        raise ValueError("first")
    except ValueError:
        raise TypeError("second") from None
except TypeError as e:
    print("from None:", e)


def load():
    try:
        parse("eleven")
    except RuntimeError:
        raise KeyError("layer")


load()
