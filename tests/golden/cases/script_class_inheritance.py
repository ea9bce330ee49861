# Inheritance: overriding, super() chains, multiple inheritance with the C3 MRO, classmethod/staticmethod
class Base:
    def __init__(self):
        print("Base.__init__")
        self.log = ["Base"]

    def hello(self):
        return "Base.hello"


class Left(Base):
    def __init__(self):
        print("Left.__init__")
        super().__init__()
        self.log.append("Left")

    def hello(self):
        return "Left>" + super().hello()


class Right(Base):
    def __init__(self):
        print("Right.__init__")
        super().__init__()
        self.log.append("Right")

    def hello(self):
        return "Right>" + super().hello()


class Both(Left, Right):
    def __init__(self):
        print("Both.__init__")
        super().__init__()
        self.log.append("Both")

    def hello(self):
        return "Both>" + super().hello()


b = Both()
print(b.log)
print(b.hello())
print([k.__name__ for k in Both.__mro__])
print(Both.__bases__, Left.__bases__)
print(issubclass(Both, Base), issubclass(Both, (int, Right)), issubclass(Base, Both), issubclass(bool, int))
print(isinstance(b, Left), isinstance(b, Right), isinstance(b, object))


class Shape:
    sides = 0
    registry = []

    def __init__(self, name):
        self.name = name
        Shape.registry.append(name)

    @classmethod
    def named(cls, name):
        return cls(name)

    @staticmethod
    def describe(n):
        return f"{n} sides"

    def info(self):
        return f"{self.name}: {self.describe(self.sides)} ({type(self).__name__})"


class Triangle(Shape):
    sides = 3


class Square(Shape):
    sides = 4

    def info(self):
        return "square! " + super().info()


for s in [Triangle.named("t"), Square.named("s"), Shape("blob")]:
    print(s.info())
print(Shape.registry, Triangle.describe(5), Square.sides)


class A:
    def who(self):
        return "A"


class B(A):
    pass


class C(B):
    def who(self):
        return "C<" + super(C, self).who()


print(C().who(), B().who())
try:
    class X(A, B):
        pass
except TypeError as e:
    print(e)


class Grand:
    def __init__(self, **kw):
        self.kw = kw


class Child(Grand):
    def __init__(self, a, *args, **kw):
        super().__init__(**kw)
        self.a = a
        self.args = args


ch = Child(1, 2, 3, x=4)
print(ch.a, ch.args, ch.kw)
